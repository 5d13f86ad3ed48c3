using System.Diagnostics;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Cases;

/// <summary>
/// 社区百事能: free-text search over every community's cases, most similar first, with highlighted snippets. Open to
/// anyone signed in with a role: the point is to learn from other communities.
/// </summary>
public static class SearchCases
{
    public const int MaxQueryLength = 500;

    public sealed record Response(string Query, int Total, IReadOnlyList<CaseHit> Hits, double Milliseconds);

    public sealed record CaseView(int Id, string Title, string Community, string Problem, string Actions, string Helpers, string Outcome,
        IReadOnlyList<string> Tags, int? SourceTaskId, DateTime CreatedAt, string CreatedBy);

    internal sealed class Handler(JianfuDbContext db, CaseIndex index, ICurrentUserAccessor current)
    {
        public async Task<Result<Response>> SearchAsync(string? query, int take, CancellationToken ct)
        {
            if ((await current.GetAsync(ct)).Grants.Count == 0)
            {
                return Error.Forbidden("请先获得授权再使用案例库。");
            }

            var q = query?.Trim() ?? "";
            if (q.Length is 0 or > MaxQueryLength)
            {
                return Error.Validation("q", $"请输入要查找的问题(不超过{MaxQueryLength}字)。");
            }

            var watch = Stopwatch.StartNew();
            await index.CatchUpAsync(db, ct);
            var hits = index.Search(q, take, out var total);
            return new Response(q, total, hits, Math.Round(watch.Elapsed.TotalMilliseconds, 1));
        }

        public async Task<Result<CaseView>> GetAsync(int id, CancellationToken ct)
        {
            if ((await current.GetAsync(ct)).Grants.Count == 0)
            {
                return Error.Forbidden("请先获得授权再使用案例库。");
            }

            var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            return c is null
                ? Error.NotFound($"案例{id}不存在。")
                : new CaseView(c.Id, c.Title, c.CommunityName, c.Problem, c.Actions, c.Helpers, c.Outcome, c.TagList, c.SourceTaskId, c.CreatedAt, c.CreatedBy);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/cases", async (string? q, int? take, Handler handler, CancellationToken ct) =>
                (await handler.SearchAsync(q, take ?? 10, ct)).ToHttp(Results.Ok))
            .WithName("SearchCases")
            .WithSummary("社区百事能:按问题描述查找最相似的案例,snippetHtml 中命中的词以 <mark> 标出(其余文字已做 HTML 转义)");
        api.MapGet("/cases/{id:int}", async (int id, Handler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, ct)).ToHttp(Results.Ok))
            .WithName("GetCase")
            .WithSummary("一个案例的全文");
    }
}
