namespace Jianfu.Modules.Registry.Contracts;

/// <summary>A ledger of the registry that already holds what a text asks for.</summary>
public sealed record HeldLedger(int Id, string Name);

/// <summary>What a dispatch asks the village to collect that the registry holds: the subjects named, and the ledgers that answer them.</summary>
public sealed record HeldData(IReadOnlyList<string> Subjects, IReadOnlyList<HeldLedger> Ledgers);

/// <summary>For the access gate (<c>data-held-by-system</c>): ask the system, not the village.</summary>
public interface IRegistryHoldings
{
    /// <returns>Null when the text asks for no data the registry holds.</returns>
    Task<HeldData?> MatchAsync(int districtId, string text, CancellationToken ct);
}
