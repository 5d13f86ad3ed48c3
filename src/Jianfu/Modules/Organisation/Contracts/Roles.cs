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

    /// <summary>The district's registry keeper (数据管理员): imports the registry, keeps ledger templates, answers data requests.</summary>
    DataKeeper,

    /// <summary>The district's personal-information protection officer (个人信息保护负责人): reads the registry's access log.</summary>
    Privacy,
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
        Role.DataKeeper => "数据管理员",
        Role.Privacy => "个人信息保护负责人",
        _ => role.ToString(),
    };
}
