using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Jianfu.Platform.Database;

/// <summary>
/// An aggregate whose state moves (a dispatch, a task, a report, an order…). Its row version is checked by every
/// update and moved on by every save, so that of two people deciding on the same record at once exactly one is saved;
/// the other's save changes nothing and they are told (<see cref="SaveExtensions.TrySaveAsync"/>).
/// </summary>
internal interface IVersioned
{
    int RowVersion { get; set; }
}

/// <summary>
/// A row that belongs to an aggregate (an <see cref="IVersioned"/> or a user account): adding, changing or removing it
/// moves the aggregate on, so a change to the part is checked against a concurrent change to the whole.
/// </summary>
internal interface IAggregatePart
{
    object? Aggregate { get; }
}

/// <summary>Moves the row version of every aggregate a save changes, before the save.</summary>
internal static class RowVersions
{
    public static void MoveOn(ChangeTracker tracker)
    {
        var moved = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var entry in tracker.Entries().ToList())
        {
            switch (entry.Entity)
            {
                case IVersioned or IdentityUser when entry.State == EntityState.Modified:
                    Move(entry, moved);
                    break;
                case IAggregatePart { Aggregate: { } root } when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    var rootEntry = tracker.Context.Entry(root);
                    if (rootEntry.State is EntityState.Unchanged or EntityState.Modified)
                    {
                        Move(rootEntry, moved);
                    }

                    break;
            }
        }
    }

    private static void Move(EntityEntry entry, HashSet<object> moved)
    {
        if (!moved.Add(entry.Entity))
        {
            return;
        }

        if (entry.Entity is IdentityUser)
        {
            // Identity's own updates renew the stamp; a change made any other way must renew it too, or it would not
            // stop a second change made at the same moment.
            var stamp = entry.Property(nameof(IdentityUser.ConcurrencyStamp));
            if (Equals(stamp.CurrentValue, stamp.OriginalValue))
            {
                stamp.CurrentValue = Guid.NewGuid().ToString();
            }

            return;
        }

        var version = entry.Property(nameof(IVersioned.RowVersion));
        version.CurrentValue = (int)version.OriginalValue! + 1;
    }
}
