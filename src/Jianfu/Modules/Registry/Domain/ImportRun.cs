namespace Jianfu.Modules.Registry.Domain;

/// <summary>What a file imported into the registry holds.</summary>
internal enum ImportKind
{
    Residents = 1,
    Enterprises = 2,
    Shops = 3,
}

/// <summary>
/// One import of a file into the registry, written or not: who, when, which file and mode, how many rows were new, known
/// or refused — and the refused rows as an error file (.xlsx: the file's columns, the row number and the reason) that the
/// keeper corrects and imports again. Kept in the database, so that any node serves the download.
/// </summary>
internal sealed class ImportRun
{
    /// <summary>Refused rows kept in the error file at most.</summary>
    public const int MaxErrorRows = 100_000;

    public long Id { get; set; }

    public int DistrictId { get; set; }

    public ImportKind Kind { get; set; }

    public required string FileName { get; set; }

    public DateTime At { get; set; }

    public required string UserId { get; set; }

    public required string UserName { get; set; }

    /// <summary>Only the valid rows were to be written (valid-rows), not the whole file or nothing.</summary>
    public bool ValidRowsOnly { get; set; }

    public bool Preview { get; set; }

    /// <summary>The rows were written (a preview, or a refused whole file, writes nothing).</summary>
    public bool Written { get; set; }

    public int Imported { get; set; }

    public int Updated { get; set; }

    public int ErrorCount { get; set; }

    /// <summary>The refused rows as .xlsx, or null when every row passed.</summary>
    public byte[]? ErrorFile { get; set; }
}
