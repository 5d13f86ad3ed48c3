namespace Jianfu.Modules.Organisation.Contracts;

/// <summary>The roles of DESIGN.md; each grant of a role is scoped to one organisation unit.</summary>
public enum Role
{
    Admin,
    CatalogueAdmin,
    Dispatcher,
    Reviewer,
    Secretary,
    Cadre,
    Assessor,
}

public static class RoleNames
{
    public static string Chinese(this Role role) => role switch
    {
        Role.Admin => "系统管理员",
        Role.CatalogueAdmin => "清单管理员(区减负办)",
        Role.Dispatcher => "派单人员(职能部门)",
        Role.Reviewer => "审核人(党委副书记)",
        Role.Secretary => "村(社区)书记",
        Role.Cadre => "村(社区)干部/网格员",
        Role.Assessor => "考核办",
        _ => role.ToString(),
    };
}
