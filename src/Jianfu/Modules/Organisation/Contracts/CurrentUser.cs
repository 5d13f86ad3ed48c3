namespace Jianfu.Modules.Organisation.Contracts;

/// <summary>The signed-in user with every role grant and its unit, loaded once per request.</summary>
public sealed class CurrentUser
{
    public static readonly CurrentUser Anonymous = new(null, "", "", []);

    public CurrentUser(string? userId, string userName, string displayName, IReadOnlyList<GrantInfo> grants)
    {
        UserId = userId;
        UserName = userName;
        DisplayName = displayName;
        Grants = grants;
    }

    public string? UserId { get; }

    public string UserName { get; }

    public string DisplayName { get; }

    public IReadOnlyList<GrantInfo> Grants { get; }

    public bool IsAuthenticated => UserId is not null;

    public bool Has(Role role) => Grants.Any(g => g.Role == role);

    public IEnumerable<GrantInfo> GrantsOf(Role role) => Grants.Where(g => g.Role == role);

    /// <summary>Holds <paramref name="role"/> in the unit or in one above it.</summary>
    public bool CanAct(Role role, UnitInfo unit) => Grants.Any(g => g.Role == role && unit.IsWithin(g.Unit.Path));

    /// <summary>The unit shown as "yours": the first grant's.</summary>
    public UnitInfo? PrimaryUnit => Grants.Count > 0 ? Grants[0].Unit : null;
}

public interface ICurrentUserAccessor
{
    Task<CurrentUser> GetAsync(CancellationToken ct = default);
}

/// <summary>Read access to units, departments and users for the other modules.</summary>
public interface IOrganisationDirectory
{
    Task<UnitInfo?> FindUnitAsync(string code, CancellationToken ct);

    Task<UnitInfo?> FindUnitAsync(int id, CancellationToken ct);

    Task<IReadOnlyList<UnitInfo>> FindUnitsAsync(IEnumerable<string> codes, CancellationToken ct);

    Task<IReadOnlyList<UnitInfo>> DistrictsAsync(CancellationToken ct);

    Task<IReadOnlyList<UnitInfo>> ChildrenAsync(int parentId, CancellationToken ct);

    Task<IReadOnlyList<UnitInfo>> CommunitiesWithinAsync(string scopePath, CancellationToken ct);

    /// <summary>The townships and communities below a unit (the whole district below a district's path).</summary>
    Task<IReadOnlyList<UnitInfo>> UnitsBelowAsync(string scopePath, CancellationToken ct);

    Task<IReadOnlyList<DepartmentInfo>> DepartmentsOfAsync(int unitId, CancellationToken ct);

    Task<DepartmentInfo?> FindDepartmentAsync(int id, CancellationToken ct);

    /// <summary>Users holding a role exactly in this unit (e.g. the cadres of a community).</summary>
    Task<IReadOnlyList<UserRef>> UsersWithRoleAsync(Role role, int unitId, CancellationToken ct);

    /// <summary>Users holding a role exactly in any of these units, with the unit: one query for a broadcast's communities.</summary>
    Task<IReadOnlyList<(int UnitId, UserRef User)>> UsersWithRoleInAsync(Role role, IReadOnlyCollection<int> unitIds, CancellationToken ct);

    /// <summary>Users holding a role in a department (e.g. the staff of the body a task was rerouted to).</summary>
    Task<IReadOnlyList<UserRef>> UsersOfDepartmentAsync(int departmentId, CancellationToken ct);

    /// <summary>Users holding a role in any of these departments: one query for all the departments of a unit.</summary>
    Task<IReadOnlyList<UserRef>> UsersOfDepartmentsAsync(IReadOnlyCollection<int> departmentIds, CancellationToken ct);

    Task<UserRef?> FindUserAsync(string userNameOrId, CancellationToken ct);
}

public sealed record UserRef(string Id, string UserName, string DisplayName);
