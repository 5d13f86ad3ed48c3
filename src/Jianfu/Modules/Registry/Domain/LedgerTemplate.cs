namespace Jianfu.Modules.Registry.Domain;

/// <summary>A saved ledger (台账模板): its name, the conditions and columns, and the unit it covers (a community, a township or the district).</summary>
internal sealed class LedgerTemplate
{
    public const int MaxName = 60;

    public int Id { get; set; }

    public int DistrictId { get; set; }

    public int ScopeUnitId { get; set; }

    public required string ScopeCode { get; set; }

    public required string Name { get; set; }

    /// <summary>What the ledger lists: residents, shops or enterprises.</summary>
    public LedgerSubject Subject { get; set; } = LedgerSubject.Residents;

    /// <summary>The conditions as sent, JSON of <see cref="LedgerCondition"/>; read again through <see cref="LedgerQuery.Read"/> on every run.</summary>
    public required string ConditionsJson { get; set; }

    /// <summary>The column ids, comma-separated.</summary>
    public required string Columns { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}

internal enum AccessKind
{
    /// <summary>A ledger run on the page or through the API.</summary>
    Run = 1,

    Export = 2,

    Import = 3,

    /// <summary>A data request answered from the registry.</summary>
    Answer = 4,
}

/// <summary>
/// One read of personal data (PIPL 第五十一条, 第五十五条): who, when, what (the ledger or condition), over which unit and how
/// many rows. Written by every run, export, import and answer; nothing changes or removes an entry.
/// </summary>
internal sealed class AccessLogEntry
{
    public long Id { get; set; }

    public int DistrictId { get; set; }

    public DateTime At { get; set; }

    public required string UserId { get; set; }

    public required string UserName { get; set; }

    public AccessKind Kind { get; set; }

    public required string What { get; set; }

    public required string ScopeCode { get; set; }

    public int Rows { get; set; }
}
