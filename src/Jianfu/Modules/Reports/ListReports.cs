using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>The handlers' work list: open reports first, overdue ones flagged; or the reports a body must rectify.</summary>
internal static class ListReports
{
    public const int PageSize = 50;

    public sealed record Item(string Receipt, string Category, string CategoryName, string Status, string StatusText, string Unit, string Description,
        DateTime ReceivedAt, string? ResponsibleBody, string? Due, bool Overdue, bool HasContact, string? RelatedTitle)
    {
        public static Item From(BurdenReport r, DateOnly today) => new(
            r.Receipt, r.Category, ReportCategories.NameOf(r.Category), r.Status.ToString(), r.Status.Chinese(), r.UnitName,
            r.Description.Length > 80 ? r.Description[..80] + "…" : r.Description, DateTime.SpecifyKind(r.ReceivedAt, DateTimeKind.Utc),
            r.ResponsibleBody, (r.Status == ReportStatus.RectificationRequested ? r.RectifyDue : r.VerifyDue)?.ToString("yyyy-MM-dd"),
            r.IsOverdue(today), r.ContactProtected is not null || r.ReporterUserId is not null, r.RelatedTitle);
    }

    public sealed class Handler(JianfuDbContext db, ReportAccess access, Organisation.Contracts.ICurrentUserAccessor current, TimeProvider time)
    {
        /// <param name="filter">open (default), overdue, closed or all.</param>
        public async Task<Result<List<Item>>> HandleAsync(string? filter, int page, CancellationToken ct)
        {
            var districts = await access.HandledDistrictsAsync(ct);
            var userId = (await current.GetAsync(ct)).UserId;
            if (districts.Count == 0 && !await db.BurdenReports.AnyAsync(r => r.DelegateUserId == userId, ct))
            {
                return Error.Forbidden("只有区减负办(清单管理员)和受委托的人员可以处理问题线索。");
            }

            var query = db.BurdenReports.AsNoTracking().Where(r => districts.Contains(r.DistrictId) || r.DelegateUserId == userId);
            var today = time.Today();
            query = (filter ?? "open") switch
            {
                "all" => query,
                "closed" => query.Where(r => r.Status == ReportStatus.Closed),
                "overdue" => query.Where(BurdenReport.OverdueOn(today)),
                _ => query.Where(r => r.Status != ReportStatus.Closed),
            };
            return await PageAsync(query.OrderBy(r => r.ReceivedAt), page, today, ct);
        }

        /// <summary>The responsible body's queue: reports its department must rectify.</summary>
        public async Task<Result<List<Item>>> RectificationsAsync(int page, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var departments = user.Grants.Where(g => g.Department is not null).Select(g => g.Department!.Id).Distinct().ToList();
            if (departments.Count == 0)
            {
                return Error.Forbidden("只有部门人员有整改事项。");
            }

            var query = db.BurdenReports.AsNoTracking()
                .Where(r => r.ResponsibleDepartmentId != null && departments.Contains(r.ResponsibleDepartmentId.Value) &&
                            (r.Status == ReportStatus.RectificationRequested || r.Status == ReportStatus.Rectified || r.Status == ReportStatus.Closed))
                .OrderBy(r => r.Status == ReportStatus.RectificationRequested ? 0 : 1).ThenBy(r => r.RectifyDue);
            // The body reads the matter, not the report: no reporting unit, no words of the reporter, no linked task.
            return await PageAsync(query, page, time.Today(), ct, (r, item) => item with
            {
                Unit = "", Description = Disclosure.ForBody(r), HasContact = false, RelatedTitle = null,
            });
        }

        /// <param name="shown">What this reader may see of each item; all of it when null.</param>
        private static async Task<List<Item>> PageAsync(IQueryable<BurdenReport> query, int page, DateOnly today, CancellationToken ct, Func<BurdenReport, Item, Item>? shown = null)
        {
            var rows = await query.Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
            return rows.Select(r => shown is null ? Item.From(r, today) : shown(r, Item.From(r, today))).ToList();
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/reports", async (string? filter, int? page, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(filter, page ?? 1, ct)).ToHttp(Results.Ok))
            .WithName("ListReports")
            .WithSummary("问题线索列表(区减负办):filter=open|overdue|closed|all,每页50条")
            .Produces<List<Item>>();
        api.MapGet("/rectifications", async (int? page, Handler handler, CancellationToken ct) =>
                (await handler.RectificationsAsync(page ?? 1, ct)).ToHttp(Results.Ok))
            .WithName("ListRectifications")
            .WithSummary("本部门被要求整改的线索(不含反映人信息)")
            .Produces<List<Item>>();
    }
}
