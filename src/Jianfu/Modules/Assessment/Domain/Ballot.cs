using Jianfu.Platform.Database;

namespace Jianfu.Modules.Assessment.Domain;

/// <summary>
/// A democratic evaluation (民主测评) of a set's assessed units among a named group of users: each casts one ballot,
/// and only the aggregates are ever shown. Who voted and what was voted are kept apart — a mark has a random key and
/// no voter, so no ballot can be traced back to its voter.
/// </summary>
internal sealed class Ballot : IVersioned
{
    public const int MaxTitle = 100;

    public int Id { get; set; }

    public int RowVersion { get; set; }

    public int SetId { get; set; }

    public int DistrictId { get; set; }

    public required string Title { get; set; }

    public bool IsClosed { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime? ClosedAt { get; set; }

    public List<BallotVoter> Voters { get; set; } = [];
}

/// <summary>One member of a ballot's group, and whether they have voted (not what).</summary>
internal sealed class BallotVoter : IAggregatePart
{
    public int Id { get; set; }

    public int BallotId { get; set; }

    public Ballot? Ballot { get; set; }

    public object? Aggregate => Ballot;

    public required string UserId { get; set; }

    public required string DisplayName { get; set; }

    public DateTime? VotedAt { get; set; }
}

/// <summary>One grade of one unit on one ballot, with no voter.</summary>
internal sealed class BallotMark
{
    public Guid Id { get; set; }

    public int BallotId { get; set; }

    public int AssessedId { get; set; }

    public BallotGrade Grade { get; set; }
}

internal enum BallotGrade
{
    /// <summary>优秀</summary>
    Excellent = 1,

    /// <summary>称职(良好)</summary>
    Good = 2,

    /// <summary>基本称职</summary>
    Fair = 3,

    /// <summary>不称职</summary>
    Poor = 4,
}

internal static class BallotGrades
{
    public static string Chinese(this BallotGrade grade) => grade switch
    {
        BallotGrade.Excellent => "优秀",
        BallotGrade.Good => "良好",
        BallotGrade.Fair => "一般",
        _ => "较差",
    };

    /// <summary>The share of the democratic indicator's points a grade earns.</summary>
    public static decimal Fraction(this BallotGrade grade) => grade switch
    {
        BallotGrade.Excellent => 1m,
        BallotGrade.Good => 0.8m,
        BallotGrade.Fair => 0.6m,
        _ => 0m,
    };
}
