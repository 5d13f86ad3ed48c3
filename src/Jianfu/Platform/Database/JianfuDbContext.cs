using System.Text.Json;
using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Domain;
using Jianfu.Modules.Reports.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Platform.Database;

/// <summary>
/// The one database of the application. Each module owns its tables; the two subclasses below exist only so that
/// SQLite and PostgreSQL each get their own migrations.
/// </summary>
public abstract class JianfuDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    internal DbSet<Unit> Units => Set<Unit>();

    internal DbSet<Department> Departments => Set<Department>();

    internal DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();

    internal DbSet<OrganisationHistory> OrganisationHistory => Set<OrganisationHistory>();

    internal DbSet<CatalogueVersion> CatalogueVersions => Set<CatalogueVersion>();

    internal DbSet<DutyItem> DutyItems => Set<DutyItem>();

    internal DbSet<AdmissionRequest> AdmissionRequests => Set<AdmissionRequest>();

    internal DbSet<CatalogueHistory> CatalogueHistory => Set<CatalogueHistory>();

    internal DbSet<DispatchEntity> Dispatches => Set<DispatchEntity>();

    internal DbSet<DispatchTarget> DispatchTargets => Set<DispatchTarget>();

    internal DbSet<CommunityTask> CommunityTasks => Set<CommunityTask>();

    internal DbSet<CoAssignee> CoAssignees => Set<CoAssignee>();

    internal DbSet<DispatchHistory> DispatchHistory => Set<DispatchHistory>();

    internal DbSet<ReportLocation> ReportLocations => Set<ReportLocation>();

    internal DbSet<BurdenReport> BurdenReports => Set<BurdenReport>();

    internal DbSet<ReportHistory> ReportHistory => Set<ReportHistory>();

    internal DbSet<MonitoringPoint> MonitoringPoints => Set<MonitoringPoint>();

    internal DbSet<Bulletin> Bulletins => Set<Bulletin>();

    internal DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    internal DbSet<Modules.Hotline.Domain.HotlineOrder> HotlineOrders => Set<Modules.Hotline.Domain.HotlineOrder>();

    internal DbSet<Modules.Hotline.Domain.HotlineOrderHistory> HotlineOrderHistory => Set<Modules.Hotline.Domain.HotlineOrderHistory>();

    internal DbSet<Modules.Hotline.Domain.RoutingModel> RoutingModels => Set<Modules.Hotline.Domain.RoutingModel>();

    internal DbSet<Modules.Cases.Domain.CommunityCase> Cases => Set<Modules.Cases.Domain.CommunityCase>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Every save checks its text and moves the row version of what it changes (see StoredText, RowVersions).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = BeforeSave();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = BeforeSave();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <returns>Whether changes are detected automatically, to restore after the save (they were just detected here).</returns>
    private bool BeforeSave()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
        }

        // Once is enough: the checks below read the entries, and each read would detect changes again over every
        // tracked entity (three passes over a broadcast's 600 new rows instead of one).
        ChangeTracker.AutoDetectChangesEnabled = false;
        StoredText.Validate(ChangeTracker);
        RowVersions.MoveOn(ChangeTracker);
        return detect;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in backups and safe against reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        // Every text has a maximum length, checked before saving (StoredText); longer ones are configured below.
        configurationBuilder.Properties<string>().HaveMaxLength(500);
    }

    /// <summary>History notes carry a person's text (up to 2,000 characters) with a few words around it.</summary>
    private const int HistoryNoteLength = 4000;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ConfigureOrganisation(builder);
        ConfigureCatalogue(builder);
        ConfigureDispatch(builder);
        ConfigureReports(builder);
        ConfigureHotline(builder);
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.RowVersion)).IsConcurrencyToken();
        }

        builder.Entity<DataProtectionKey>().Property(k => k.Xml).HasMaxLength(10_000);
        builder.Entity<Notifications.Notification>(e =>
        {
            e.HasIndex(n => new { n.UserId, n.Kind, n.Day }).IsUnique();
            e.HasIndex(n => new { n.UserId, n.ReadAt });
            e.Property(n => n.Body).HasMaxLength(2000);
        });
    }

    private static void ConfigureOrganisation(ModelBuilder b)
    {
        b.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(64);
            e.HasMany(u => u.Grants).WithOne(g => g.User).HasForeignKey(g => g.UserId);
        });
        b.Entity<Unit>(e =>
        {
            e.HasIndex(u => u.Code).IsUnique();
            e.HasIndex(u => u.Path);
            e.Property(u => u.Code).HasMaxLength(12);
            e.Property(u => u.Name).HasMaxLength(100);
            e.Property(u => u.Path).HasMaxLength(64);
            e.Property(u => u.Address).HasMaxLength(200);
            e.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Department>(e =>
        {
            e.Property(d => d.Name).HasMaxLength(100);
            e.HasIndex(d => new { d.UnitId, d.Name }).IsUnique();
            e.HasOne(d => d.Unit).WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<RoleGrant>(e =>
        {
            e.HasIndex(g => new { g.UserId, g.Role, g.UnitId, g.DepartmentId }).IsUnique();
            e.HasIndex(g => new { g.UnitId, g.Role });
            e.HasOne(g => g.Unit).WithMany().HasForeignKey(g => g.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(g => g.Department).WithMany().HasForeignKey(g => g.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<OrganisationHistory>(e =>
        {
            e.Property(h => h.Action).HasMaxLength(200);
            e.Property(h => h.Note).HasMaxLength(HistoryNoteLength);
        });
    }

    private static void ConfigureCatalogue(ModelBuilder b)
    {
        b.Entity<CatalogueVersion>(e =>
        {
            e.HasIndex(v => new { v.DistrictId, v.Year }).IsUnique();
            e.HasIndex(v => new { v.DistrictId, v.Status });
            // One published version per district at any moment (and one draft under revision).
            e.HasIndex(v => v.DistrictId, "IX_CatalogueVersions_OnePublished").IsUnique().HasFilter("\"Status\" = 'Published'");
            e.HasIndex(v => v.DistrictId, "IX_CatalogueVersions_OneDraft").IsUnique().HasFilter("\"Status\" = 'Draft'");
            e.Property(v => v.Title).HasMaxLength(200);
            e.HasMany(v => v.Items).WithOne(i => i.Version).HasForeignKey(i => i.VersionId);
        });
        b.Entity<DutyItem>(e =>
        {
            e.HasIndex(i => new { i.VersionId, i.ScreeningCode }).IsUnique();
            e.Property(i => i.ScreeningCode).HasMaxLength(32);
            e.Property(i => i.ParentCode).HasMaxLength(32);
            e.Property(i => i.Name).HasMaxLength(200);
            e.Property(i => i.BasisDocument).HasMaxLength(500);
            e.Property(i => i.BasisArticle).HasMaxLength(200);
            e.Property(i => i.ResponsibleDepartment).HasMaxLength(100);
            e.Property(i => i.Description).HasMaxLength(2000);
            e.Ignore(i => i.LegalBasis);
            e.Ignore(i => i.ContentSignature);
        });
        b.Entity<AdmissionRequest>(e =>
        {
            e.HasIndex(a => new { a.DistrictId, a.Status });
            e.Property(a => a.ProposedName).HasMaxLength(200);
            e.Property(a => a.Reason).HasMaxLength(2000);
            e.Property(a => a.DecisionReason).HasMaxLength(2000);
        });
        b.Entity<CatalogueHistory>(e =>
        {
            e.HasIndex(h => new { h.DistrictId, h.At });
            e.Property(h => h.Note).HasMaxLength(HistoryNoteLength);
        });
    }

    private static void ConfigureDispatch(ModelBuilder b)
    {
        var checksComparer = new ValueComparer<List<GateCheck>>(
            (x, y) => JsonSerializer.Serialize(x, JsonSerializerOptions.Default) == JsonSerializer.Serialize(y, JsonSerializerOptions.Default),
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default).GetHashCode(StringComparison.Ordinal),
            v => v.ToList());
        b.Entity<DispatchEntity>(e =>
        {
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
        });
        b.Entity<DispatchTarget>(e =>
        {
            e.HasIndex(t => new { t.CommunityId, t.DispatchId });
            e.HasIndex(t => new { t.DispatchId, t.CommunityId }).IsUnique();
            // Covering index of the duplicate check: the 30-day range scan never touches the table.
            e.HasIndex(t => new { t.CommunityId, t.SubmittedAt, t.DispatchId, t.Fingerprint });
        });
        b.Entity<CommunityTask>(e =>
        {
            // A dispatch becomes exactly one task per community, however many times "approve" is pressed.
            e.HasIndex(t => new { t.DispatchId, t.CommunityId }).IsUnique();
            e.HasIndex(t => new { t.CommunityId, t.Status });
            e.HasIndex(t => new { t.CommunityId, t.CreatedAt });
            e.HasIndex(t => new { t.AssigneeId, t.Status });
            e.Property(t => t.Result).HasMaxLength(2000);
        });
        b.Entity<CoAssignee>(e => e.HasIndex(c => c.UserId));
        b.Entity<DispatchHistory>(e =>
        {
            e.HasIndex(h => new { h.DispatchId, h.At });
            e.HasOne(h => h.Task).WithMany().HasForeignKey(h => h.TaskId).OnDelete(DeleteBehavior.Restrict);
            e.Property(h => h.Note).HasMaxLength(HistoryNoteLength);
        });
    }

    private static void ConfigureHotline(ModelBuilder b)
    {
        b.Entity<Modules.Cases.Domain.CommunityCase>(e =>
        {
            e.ToTable("Cases");
            e.HasIndex(c => c.SourceTaskId).IsUnique();
            e.HasIndex(c => new { c.CommunityId, c.CreatedAt });
            e.Property(c => c.Title).HasMaxLength(100);
            e.Property(c => c.Problem).HasMaxLength(4000);
            e.Property(c => c.Actions).HasMaxLength(4000);
            e.Property(c => c.Outcome).HasMaxLength(2000);
            e.Ignore(c => c.TagList);
        });
        b.Entity<Modules.Hotline.Domain.HotlineOrder>(e =>
        {
            e.HasIndex(o => new { o.DistrictId, o.ExternalId }).IsUnique();
            e.HasIndex(o => new { o.DistrictId, o.Status, o.ReceivedAt });
            e.HasIndex(o => new { o.CommunityId, o.Status });
            e.HasIndex(o => new { o.DepartmentId, o.Status });
            e.Property(o => o.ExternalId).HasMaxLength(64);
            e.Property(o => o.Text).HasMaxLength(4000);
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.RouteKind).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.ScreeningCode).HasMaxLength(32);
            e.Property(o => o.Reply).HasMaxLength(1000);
            e.HasMany(o => o.History).WithOne().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Modules.Hotline.Domain.RoutingModel>(e =>
        {
            e.HasIndex(m => new { m.DistrictId, m.IsActive });
            e.HasIndex(m => m.DistrictId, "IX_RoutingModels_OneActive").IsUnique().HasFilter("\"IsActive\"");
            e.Property(m => m.Version).HasMaxLength(64);
            e.Property(m => m.Labels).HasMaxLength(20_000);
        });
        b.Entity<Modules.Hotline.Domain.HotlineOrderHistory>(e => e.Property(h => h.Note).HasMaxLength(HistoryNoteLength));
    }

    private static void ConfigureReports(ModelBuilder b)
    {
        b.Entity<ReportLocation>(e =>
        {
            e.HasIndex(l => l.Token).IsUnique();
            e.HasIndex(l => new { l.UnitId, l.IsActive });
            // One poster in force per office: a revoked token can never stand beside a live one.
            e.HasIndex(l => l.UnitId, "IX_ReportLocations_OneActive").IsUnique().HasFilter("\"IsActive\"");
            e.Property(l => l.Token).HasMaxLength(32);
            e.Property(l => l.UnitCode).HasMaxLength(12);
            e.Property(l => l.UnitName).HasMaxLength(100);
        });
        b.Entity<BurdenReport>(e =>
        {
            e.HasIndex(r => r.Receipt).IsUnique();
            e.HasIndex(r => new { r.DistrictId, r.Status });
            e.HasIndex(r => new { r.DistrictId, r.ReceivedAt });
            e.HasIndex(r => new { r.DistrictId, r.VerifiedAt });
            e.HasIndex(r => new { r.ResponsibleDepartmentId, r.Status });
            // Every page asks whether its user handles reports delegated to them (the menu's count, the list).
            e.HasIndex(r => r.DelegateUserId);
            e.Property(r => r.Receipt).HasMaxLength(20);
            e.Property(r => r.Category).HasMaxLength(32);
            e.Property(r => r.Description).HasMaxLength(2000);
            e.Property(r => r.ContactProtected).HasMaxLength(1000);
            e.Property(r => r.Summary).HasMaxLength(200);
            e.Property(r => r.PublicReply).HasMaxLength(1000);
            e.Property(r => r.RectificationResponse).HasMaxLength(2000);
            e.Property(r => r.VerificationNote).HasMaxLength(2000);
            e.Property(r => r.ForwardedText).HasMaxLength(2000);
            e.Property(r => r.AddressText).HasMaxLength(500);
            e.Property(r => r.AddressId).HasMaxLength(100);
            e.Property(r => r.MediaUrl).HasMaxLength(1000);
            e.Property(r => r.AttributesJson).HasMaxLength(8000);
            e.Property(r => r.SourceSystem).HasMaxLength(100);
            e.Property(r => r.ClientRequestKey).HasMaxLength(200);
            e.Property(r => r.SubmitterProtected).HasMaxLength(4000);
            // A retried Open311 POST carries the same request id: the second one finds the first report, never a twin.
            e.HasIndex(r => r.ClientRequestKey).IsUnique().HasFilter("\"ClientRequestKey\" IS NOT NULL");
            e.HasMany(r => r.History).WithOne().HasForeignKey(h => h.ReportId);
        });
        b.Entity<ReportHistory>(e =>
        {
            e.HasIndex(h => new { h.ReportId, h.At });
            e.Property(h => h.Note).HasMaxLength(HistoryNoteLength);
        });
        b.Entity<MonitoringPoint>(e =>
        {
            e.HasIndex(p => new { p.DistrictId, p.IsActive });
            e.HasIndex(p => p.UnitId, "IX_MonitoringPoints_OneActive").IsUnique().HasFilter("\"IsActive\"");
            e.HasMany(p => p.Activities).WithOne().HasForeignKey(a => a.PointId);
        });
        b.Entity<Bulletin>(e =>
        {
            e.HasIndex(x => new { x.DistrictId, x.PublishedAt });
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.ContentJson).HasMaxLength(1_000_000);
        });
        b.Entity<MonitoringActivity>(e =>
        {
            e.Property(a => a.Learned).HasMaxLength(2000);
            e.Property(a => a.LinkedReceipts).HasMaxLength(1000);
        });
    }
}

public sealed class SqliteJianfuDbContext(DbContextOptions<SqliteJianfuDbContext> options) : JianfuDbContext(options);

public sealed class PostgresJianfuDbContext(DbContextOptions<PostgresJianfuDbContext> options) : JianfuDbContext(options);
