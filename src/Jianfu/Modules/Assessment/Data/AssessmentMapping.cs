using Jianfu.Modules.Assessment.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jianfu.Modules.Assessment.Data;

internal sealed class IndicatorSetConfiguration : IEntityTypeConfiguration<IndicatorSet>
{
    public void Configure(EntityTypeBuilder<IndicatorSet> e)
    {
        e.HasIndex(s => new { s.DistrictId, s.Year, s.Level, s.Status });
        e.HasIndex(s => new { s.DistrictId, s.Year, s.Level }, "IX_IndicatorSets_OnePublished").IsUnique().HasFilter("\"Status\" = 'Published'");
        e.Property(s => s.Title).HasMaxLength(IndicatorSet.MaxTitle);
        e.Property(s => s.Level).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.Scheme).HasMaxLength(16);
        e.Property(s => s.RejectedDispatchDeduction).HasPrecision(6, 2);
        e.Property(s => s.DeductionCap).HasPrecision(6, 2);
        e.HasMany(s => s.Indicators).WithOne(i => i.Set).HasForeignKey(i => i.SetId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.Components).WithOne(c => c.Set).HasForeignKey(c => c.SetId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(s => s.CategoryList);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> e)
    {
        e.HasIndex(i => new { i.SetId, i.Number }).IsUnique();
        e.Property(i => i.Name).HasMaxLength(Indicator.MaxName);
        e.Property(i => i.Description).HasMaxLength(Indicator.MaxDescription);
        e.Property(i => i.Points).HasPrecision(5, 1);
        e.Property(i => i.Source).HasConversion<string>().HasMaxLength(16);
        e.Property(i => i.Metric).HasConversion<string>().HasMaxLength(32);
        e.Property(i => i.ComponentKey).HasMaxLength(16);
    }
}

internal sealed class SchemeComponentConfiguration : IEntityTypeConfiguration<SchemeComponent>
{
    public void Configure(EntityTypeBuilder<SchemeComponent> e)
    {
        e.HasIndex(c => new { c.SetId, c.Key }).IsUnique();
        e.Property(c => c.Key).HasMaxLength(16);
        e.Property(c => c.Name).HasMaxLength(20);
        e.Property(c => c.Weight).HasPrecision(5, 1);
    }
}

internal sealed class EvaluatorScoreConfiguration : IEntityTypeConfiguration<EvaluatorScore>
{
    public void Configure(EntityTypeBuilder<EvaluatorScore> e)
    {
        e.HasIndex(s => new { s.IndicatorId, s.AssessedId }).IsUnique();
        // Covering the board's sum per unit and component, so that a year of scores is read from the index alone.
        e.HasIndex(s => new { s.SetId, s.AssessedId, s.Component, s.ScoreTenths, s.PointsTenths });
        e.Ignore(s => s.Score);
        e.Property(s => s.Component).HasMaxLength(16);
        e.Property(s => s.Basis).HasMaxLength(EvaluatorScore.MaxBasis);
    }
}

internal sealed class ScoreRunConfiguration : IEntityTypeConfiguration<ScoreRun>
{
    public void Configure(EntityTypeBuilder<ScoreRun> e)
    {
        // One live board and at most one published board per set and month.
        e.HasIndex(r => new { r.SetId, r.Month, r.Kind }).IsUnique();
        e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class UnitScoreConfiguration : IEntityTypeConfiguration<UnitScore>
{
    public void Configure(EntityTypeBuilder<UnitScore> e)
    {
        e.HasIndex(s => new { s.RunId, s.BoardRank });
        e.HasIndex(s => new { s.RunId, s.Code });
        e.Property(s => s.Total).HasPrecision(6, 2);
        e.Property(s => s.Board).HasPrecision(6, 2);
        e.Property(s => s.Deduction).HasPrecision(6, 2);
        e.Property(s => s.Components).HasMaxLength(200);
        e.Property(s => s.BoardParts).HasMaxLength(200);
    }
}

internal sealed class RatingPosterConfiguration : IEntityTypeConfiguration<RatingPoster>
{
    public void Configure(EntityTypeBuilder<RatingPoster> e)
    {
        e.HasIndex(p => p.Token).IsUnique();
        e.HasIndex(p => p.UnitId, "IX_RatingPosters_OneActive").IsUnique().HasFilter("\"IsActive\"");
        e.Property(p => p.Token).HasMaxLength(32);
        e.Property(p => p.Salt).HasMaxLength(16);
    }
}

internal sealed class RatingQuestionnaireConfiguration : IEntityTypeConfiguration<RatingQuestionnaire>
{
    public void Configure(EntityTypeBuilder<RatingQuestionnaire> e)
    {
        e.HasIndex(q => q.DistrictId).IsUnique();
        e.Property(q => q.Questions).HasMaxLength(RatingQuestionnaire.MaxQuestions * (RatingQuestionnaire.MaxQuestion + 1));
    }
}

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> e)
    {
        e.HasIndex(r => new { r.UnitId, r.Month, r.Counted });
        // One counted rating per device, community and month, whichever node took it.
        e.HasIndex(r => new { r.PosterId, r.Month, r.DeviceKey }, "IX_Ratings_OneCountedPerDevice").IsUnique().HasFilter("\"Counted\"");
        e.HasIndex(r => new { r.PosterId, r.AddressKey, r.At });
        e.Property(r => r.Answers).HasMaxLength(20);
        e.Property(r => r.Comment).HasMaxLength(Rating.MaxComment);
        e.Property(r => r.DeviceKey).HasMaxLength(24);
        e.Property(r => r.AddressKey).HasMaxLength(24);
        e.Property(r => r.NotCountedReason).HasMaxLength(100);
    }
}

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> e)
    {
        e.HasIndex(b => b.SetId);
        e.Property(b => b.Title).HasMaxLength(Ballot.MaxTitle);
        e.HasMany(b => b.Voters).WithOne(v => v.Ballot).HasForeignKey(v => v.BallotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BallotVoterConfiguration : IEntityTypeConfiguration<BallotVoter>
{
    public void Configure(EntityTypeBuilder<BallotVoter> e) => e.HasIndex(v => new { v.BallotId, v.UserId }).IsUnique();
}

internal sealed class BallotMarkConfiguration : IEntityTypeConfiguration<BallotMark>
{
    public void Configure(EntityTypeBuilder<BallotMark> e)
    {
        e.HasIndex(m => new { m.BallotId, m.AssessedId });
        e.Property(m => m.Id).ValueGeneratedNever();
    }
}

internal sealed class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> e)
    {
        e.HasIndex(p => new { p.DistrictId, p.Year }).IsUnique();
        e.HasMany(p => p.Items).WithOne(i => i.Plan).HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionPlanItemConfiguration : IEntityTypeConfiguration<InspectionPlanItem>
{
    public void Configure(EntityTypeBuilder<InspectionPlanItem> e)
    {
        e.Property(i => i.Name).HasMaxLength(InspectionPlanItem.MaxName);
        e.Property(i => i.Content).HasMaxLength(InspectionPlanItem.MaxContent);
        e.Property(i => i.Organiser).HasMaxLength(100);
        e.Property(i => i.Targets).HasMaxLength(500);
        e.Property(i => i.Team).HasMaxLength(500);
        e.Property(i => i.Method).HasConversion<string>().HasMaxLength(16);
        e.Ignore(i => i.TargetSet);
    }
}

internal sealed class InspectionApprovalConfiguration : IEntityTypeConfiguration<InspectionApproval>
{
    public void Configure(EntityTypeBuilder<InspectionApproval> e) => e.Property(a => a.Reference).HasMaxLength(InspectionApproval.MaxReference);
}

internal sealed class InspectionVisitConfiguration : IEntityTypeConfiguration<InspectionVisit>
{
    public void Configure(EntityTypeBuilder<InspectionVisit> e)
    {
        e.HasIndex(v => new { v.UnitId, v.Date });
        e.HasIndex(v => new { v.DistrictId, v.Date });
        e.HasIndex(v => v.PlanItemId);
        e.Property(v => v.Team).HasMaxLength(500);
        e.Property(v => v.Findings).HasMaxLength(InspectionVisit.MaxFindings);
    }
}

internal sealed class AssessmentEventConfiguration : IEntityTypeConfiguration<AssessmentEvent>
{
    public void Configure(EntityTypeBuilder<AssessmentEvent> e)
    {
        e.HasIndex(a => new { a.Subject, a.SubjectId });
        e.Property(a => a.Subject).HasMaxLength(16);
        e.Property(a => a.Action).HasMaxLength(100);
        e.Property(a => a.Note).HasMaxLength(Jianfu.Platform.Database.JianfuDbContext.HistoryNoteLength);
    }
}
