using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Microsoft.AspNetCore.Identity;

namespace Jianfu.Modules.Organisation.Domain;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public bool IsActive { get; set; } = true;

    internal List<RoleGrant> Grants { get; set; } = [];
}

/// <summary>A role held in one unit (and, for dispatchers, one department of it). Part of the user's account.</summary>
internal sealed class RoleGrant : IAggregatePart
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public AppUser? User { get; set; }

    object? IAggregatePart.Aggregate => User;

    public Role Role { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public int? DepartmentId { get; set; }

    public Department? Department { get; set; }

    public DateTime GrantedAt { get; set; }

    public string GrantedBy { get; set; } = "";
}

/// <summary>Who changed what in the organisation (grants, departments, imports), with actor and time.</summary>
internal sealed class OrganisationHistory
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public string? Note { get; set; }
}
