using Jianfu.Modules.Assessment.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Platform.Database;

/// <summary>Assessment's tables on the one context; their mapping is in AssessmentMapping.cs beside this file.</summary>
public abstract partial class JianfuDbContext
{
    internal DbSet<IndicatorSet> IndicatorSets => Set<IndicatorSet>();

    internal DbSet<Indicator> Indicators => Set<Indicator>();

    internal DbSet<SchemeComponent> SchemeComponents => Set<SchemeComponent>();

    internal DbSet<EvaluatorScore> EvaluatorScores => Set<EvaluatorScore>();

    internal DbSet<ScoreRun> ScoreRuns => Set<ScoreRun>();

    internal DbSet<UnitScore> UnitScores => Set<UnitScore>();

    internal DbSet<RatingPoster> RatingPosters => Set<RatingPoster>();

    internal DbSet<RatingQuestionnaire> RatingQuestionnaires => Set<RatingQuestionnaire>();

    internal DbSet<Rating> Ratings => Set<Rating>();

    internal DbSet<Ballot> Ballots => Set<Ballot>();

    internal DbSet<BallotVoter> BallotVoters => Set<BallotVoter>();

    internal DbSet<BallotMark> BallotMarks => Set<BallotMark>();

    internal DbSet<InspectionPlan> InspectionPlans => Set<InspectionPlan>();

    internal DbSet<InspectionPlanItem> InspectionPlanItems => Set<InspectionPlanItem>();

    internal DbSet<InspectionApproval> InspectionApprovals => Set<InspectionApproval>();

    internal DbSet<InspectionVisit> InspectionVisits => Set<InspectionVisit>();

    internal DbSet<AssessmentEvent> AssessmentEvents => Set<AssessmentEvent>();
}
