using Jianfu.Modules.Organisation.Contracts;

namespace Jianfu.Modules.Organisation;

internal static class GetMe
{
    public sealed record Response(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? UnitCode, IReadOnlyList<GrantResponse> Grants);

    public sealed record GrantResponse(string Role, string UnitCode, string UnitName, string? Department);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/me", async (ICurrentUserAccessor current, CancellationToken ct) =>
            {
                var me = await current.GetAsync(ct);
                return Results.Ok(new Response(
                    me.UserName,
                    me.DisplayName,
                    me.Grants.Select(g => g.Role.ToString()).Distinct().ToList(),
                    me.PrimaryUnit?.Code,
                    me.Grants.Select(g => new GrantResponse(g.Role.ToString(), g.Unit.Code, g.Unit.Name, g.Department?.Name)).ToList()));
            })
            .WithName("GetMe")
            .WithSummary("当前用户、角色和所属单位")
            .Produces<Response>();
}
