using Jianfu.Modules.Assessment;
using Jianfu.Modules.Cases;
using Jianfu.Modules.Catalogue;
using Jianfu.Modules.Dispatch;
using Jianfu.Modules.Hotline;
using Jianfu.Modules.Organisation;
using Jianfu.Modules.Registry;

namespace Jianfu.Host.Demo;

/// <summary>
/// Demo data for an empty database, each module writing its own through its own code, in the order they build on each
/// other: the district and its accounts, the catalogue, dispatches under it, 12345 orders, cases, assessment (which reads the others' figures), and the registry of residents.
/// </summary>
internal sealed class DemoData(OrganisationDemo organisation, CatalogueDemo catalogue, DispatchDemo dispatch, HotlineDemo hotline, CasesDemo cases, AssessmentDemo assessment, RegistryDemo registry)
{
    /// <returns>Whether the demo was written (false when the database already holds units).</returns>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        if (!await organisation.IsEmptyAsync(ct))
        {
            return false;
        }

        await organisation.SeedAsync(ct);
        await catalogue.SeedAsync(ct);
        await dispatch.SeedAsync(ct);
        await hotline.SeedAsync(ct);
        await cases.SeedAsync(ct);
        await assessment.SeedAsync(ct);
        await registry.SeedAsync(ct);
        await organisation.MarkSeededAsync(ct);
        return true;
    }

    public Task<bool> IsPresentAsync(CancellationToken ct) => organisation.IsPresentAsync(ct);
}
