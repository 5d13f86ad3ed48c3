using Jianfu.Modules.Registry.Contracts;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry;

/// <summary>The registry's answer to the gate (<see cref="IRegistryHoldings"/>): only for a district whose registry holds residents.</summary>
internal sealed class RegistryHoldings(JianfuDbContext db) : IRegistryHoldings
{
    public async Task<HeldData?> MatchAsync(int districtId, string text, CancellationToken ct)
    {
        var subjects = Holdings.Asked(text);
        if (subjects.Count == 0 || !await db.Residents.AnyAsync(r => r.DistrictId == districtId, ct))
        {
            return null;
        }

        var ledgers = await db.LedgerTemplates.AsNoTracking().Where(t => t.DistrictId == districtId).OrderBy(t => t.Id).Select(t => new HeldLedger(t.Id, t.Name)).ToListAsync(ct);
        return new HeldData(subjects, Holdings.LedgersFor(subjects, ledgers, l => l.Name).Take(3).ToList());
    }
}
