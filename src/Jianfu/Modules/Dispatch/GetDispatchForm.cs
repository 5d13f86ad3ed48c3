using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Organisation.Contracts;

namespace Jianfu.Modules.Dispatch;

/// <summary>
/// What the drafting page offers a dispatcher: the district's published items, the communities within the dispatcher's
/// unit with their townships, and the colleagues of the unit's departments who may work on it with them — a few
/// queries whatever the number of townships.
/// </summary>
internal static class GetDispatchForm
{
    public sealed record Form(
        GrantInfo Grant, IReadOnlyList<DutyItemInfo> Items, IReadOnlyList<UnitInfo> Communities, IReadOnlyDictionary<int, UnitInfo> Townships,
        IReadOnlyList<UserRef> CoAssignees);

    public sealed class Handler(ICurrentUserAccessor current, IOrganisationDirectory directory, ICatalogueLookup catalogue)
    {
        /// <returns>null when the user drafts for no department.</returns>
        public async Task<Form?> HandleAsync(CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            if (DispatchAccess.DispatcherGrant(user) is not { } grant)
            {
                return null;
            }

            var units = await directory.UnitsBelowAsync(grant.Unit.Path, ct);
            var departments = await directory.DepartmentsOfAsync(grant.Unit.Id, ct);
            var colleagues = await directory.UsersOfDepartmentsAsync([.. departments.Select(d => d.Id)], ct);
            return new Form(
                grant,
                await catalogue.SearchPublishedAsync(grant.Unit.DistrictId, null, 2000, ct),
                units.Where(u => u.Level == UnitLevel.Community).ToList(),
                units.Where(u => u.Level == UnitLevel.Township).ToDictionary(u => u.Id),
                colleagues.Where(u => u.Id != user.UserId).ToList());
        }
    }
}
