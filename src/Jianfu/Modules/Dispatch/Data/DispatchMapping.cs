using System.Text.Json;
using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Modules.Dispatch.Data;

internal sealed class DispatchConfiguration : IEntityTypeConfiguration<DispatchEntity>
{
    public void Configure(EntityTypeBuilder<DispatchEntity> e)
    {
        var checksComparer = new ValueComparer<List<GateCheck>>(
            (x, y) => JsonSerializer.Serialize(x, JsonSerializerOptions.Default) == JsonSerializer.Serialize(y, JsonSerializerOptions.Default),
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default).GetHashCode(StringComparison.Ordinal),
            v => v.ToList());
        e.Property(d => d.Title).HasMaxLength(200);
        e.Property(d => d.Content).HasMaxLength(AccessGate.MaxContentLength);
        e.Property(d => d.ScreeningCode).HasMaxLength(32);
        e.Property(d => d.Justification).HasMaxLength(2000);
        e.Property(d => d.DecisionReason).HasMaxLength(2000);
        e.Property(d => d.Checks).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<List<GateCheck>>(v, JsonSerializerOptions.Default) ?? new List<GateCheck>(),
            checksComparer);
        e.HasIndex(d => new { d.ReviewUnitId, d.Status });
        e.HasIndex(d => new { d.DispatcherId, d.CreatedAt });
        e.HasIndex(d => new { d.DepartmentId, d.Status });
        e.HasIndex(d => new { d.RerouteDepartmentId });
        e.HasMany(d => d.Targets).WithOne().HasForeignKey(t => t.DispatchId);
        e.HasMany(d => d.Tasks).WithOne(t => t.Dispatch).HasForeignKey(t => t.DispatchId);
        e.HasMany(d => d.CoAssignees).WithOne().HasForeignKey(c => c.DispatchId);
        e.HasMany(d => d.History).WithOne().HasForeignKey(h => h.DispatchId);
    }
}

internal sealed class DispatchTargetConfiguration : IEntityTypeConfiguration<DispatchTarget>
{
    public void Configure(EntityTypeBuilder<DispatchTarget> e)
    {
        e.HasIndex(t => new { t.CommunityId, t.DispatchId });
        e.HasIndex(t => new { t.DispatchId, t.CommunityId }).IsUnique();
        // Covering index of the duplicate check: the 30-day range scan never touches the table.
        e.HasIndex(t => new { t.CommunityId, t.SubmittedAt, t.DispatchId, t.Fingerprint });
    }
}

internal sealed class CommunityTaskConfiguration : IEntityTypeConfiguration<CommunityTask>
{
    public void Configure(EntityTypeBuilder<CommunityTask> e)
    {
        // A dispatch becomes exactly one task per community, however many times "approve" is pressed.
        e.HasIndex(t => new { t.DispatchId, t.CommunityId }).IsUnique();
        e.HasIndex(t => new { t.CommunityId, t.Status });
        e.HasIndex(t => new { t.CommunityId, t.CreatedAt });
        e.HasIndex(t => new { t.AssigneeId, t.Status });
        e.Property(t => t.Result).HasMaxLength(2000);
    }
}

internal sealed class CoAssigneeConfiguration : IEntityTypeConfiguration<CoAssignee>
{
    public void Configure(EntityTypeBuilder<CoAssignee> e)
    {
        e.HasIndex(c => c.UserId);
    }
}

internal sealed class DispatchHistoryConfiguration : IEntityTypeConfiguration<DispatchHistory>
{
    public void Configure(EntityTypeBuilder<DispatchHistory> e)
    {
        e.HasIndex(h => new { h.DispatchId, h.At });
        e.HasOne(h => h.Task).WithMany().HasForeignKey(h => h.TaskId).OnDelete(DeleteBehavior.Restrict);
        e.Property(h => h.Note).HasMaxLength(JianfuDbContext.HistoryNoteLength);
    }
}
