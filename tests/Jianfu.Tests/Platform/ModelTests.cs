using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Tests.Platform;

/// <summary>Rules every table keeps, so that the two providers store the same and refuse the same.</summary>
public sealed class ModelTests
{
    [Fact]
    public void EveryStoredText_HasAMaximumLength()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var unbounded = db.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is null).Select(p => $"{t.ClrType.Name}.{p.Name}"))
            .ToList();
        Assert.True(unbounded.Count == 0, "no maximum length: " + string.Join(", ", unbounded));
    }

    [Fact]
    public void EveryAggregateWhoseStateMoves_CarriesARowVersion()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var names = new[] { "Dispatch", "CommunityTask", "BurdenReport", "HotlineOrder", "ReportLocation", "CatalogueVersion", "AdmissionRequest", "MonitoringPoint", "RoutingModel" };
        foreach (var name in names)
        {
            var entity = db.Model.GetEntityTypes().Single(t => t.ClrType.Name == name);
            Assert.True(entity.FindProperty("RowVersion")?.IsConcurrencyToken == true, name);
        }

        Assert.True(db.Model.GetEntityTypes().Single(t => t.ClrType.Name == "AppUser").FindProperty("ConcurrencyStamp")!.IsConcurrencyToken);
    }
}
