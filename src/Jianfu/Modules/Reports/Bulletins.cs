using System.Globalization;
using System.Text.Json;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jianfu.Modules.Reports;

/// <summary>
/// Bulletins for any period (a calendar month by default): the reports found substantiated in the period, grouped
/// by responsible body with category, summary, rectification status and deduction points. Preview, publish (a fixed
/// snapshot), read publicly, print, export to Excel.
/// </summary>
internal static class Bulletins
{
    public sealed record PublishRequest(string? District, string? From, string? To, string? Title);

    public sealed record Published(int Id, string Title, string From, string To, DateTime PublishedAt, BulletinContent Content);

    public sealed record ListItem(int Id, string Title, string From, string To, DateTime PublishedAt);

    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory, DeductionRule rule, TimeProvider time)
    {
        public static (DateOnly From, DateOnly To) LastMonth(DateOnly today)
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            return (first, first.AddMonths(1).AddDays(-1));
        }

        private async Task<Result<UnitInfo>> KeeperDistrictAsync(string? code, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var district = code is null ? user.GrantsOf(Role.CatalogueAdmin).Select(g => g.Unit).FirstOrDefault() : await directory.FindUnitAsync(code, ct);
            if (district is null || district.Level != UnitLevel.District)
            {
                return Error.Validation("district", "请指定区县代码。");
            }

            return user.CanAct(Role.CatalogueAdmin, district) ? district : Error.Forbidden("只有区减负办(清单管理员)可以编发通报。");
        }

        private static Result<(DateOnly From, DateOnly To)> Period(string? from, string? to, DateOnly today)
        {
            if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
            {
                return LastMonth(today);
            }

            var (readFrom, readTo) = (DateText.Parse(from, "from", "起始日期"), DateText.Parse(to, "to", "截止日期"));
            if (!readFrom.IsSuccess || !readTo.IsSuccess)
            {
                return (readFrom.Error ?? readTo.Error)!;
            }

            var (f, t) = (readFrom.Value, readTo.Value);
            return f > t || t.DayNumber - f.DayNumber > 366 ? Error.Validation("to", "截止日期应不早于起始日期,且期间不超过一年。") : (f, t);
        }

        /// <summary>Builds the content from the database as it is now.</summary>
        public async Task<BulletinContent> ComposeAsync(UnitInfo district, DateOnly from, DateOnly to, CancellationToken ct)
        {
            // Reports are stamped in UTC; the period is China days.
            var start = from.StartUtc();
            var end = to.AddDays(1).StartUtc();
            var today = time.Today();
            var found = await db.BurdenReports.AsNoTracking()
                .Where(r => r.DistrictId == district.Id)
                .Where(BurdenReport.FoundBetween(start, end))
                .Select(r => new { r.Id, r.Category, r.Summary, r.Status, r.RectifyDue, r.ResponsibleBody })
                .ToListAsync(ct);
            var received = await db.BurdenReports.CountAsync(r => r.DistrictId == district.Id && r.ReceivedAt >= start && r.ReceivedAt < end, ct);
            var bodies = found
                .GroupBy(r => r.ResponsibleBody!)
                .Select(g =>
                {
                    var entries = g.OrderBy(r => r.Id).Select(r => new BulletinEntry(
                        ReportCategories.NameOf(r.Category), Disclosure.Public(r.Summary) ?? "", r.Status.Chinese(),
                        r.RectifyDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        BurdenReport.IsRectificationOverdue(r.Status, r.RectifyDue, today))).ToList();
                    return new BulletinBody(g.Key, entries.Count, entries.Sum(rule.For), entries);
                })
                .OrderByDescending(b => b.DeductionPoints).ThenBy(b => b.Body, StringComparer.Ordinal)
                .ToList();
            return new BulletinContent(district.Name, Format(from), Format(to), found.Count, received, bodies);
        }

        public async Task<Result<BulletinContent>> PreviewAsync(string? district, string? from, string? to, CancellationToken ct)
        {
            var d = await KeeperDistrictAsync(district, ct);
            if (!d.IsSuccess)
            {
                return d.Error!;
            }

            var period = Period(from, to, time.Today());
            return period.IsSuccess ? await ComposeAsync(d.Value, period.Value.From, period.Value.To, ct) : period.Error!;
        }

        public async Task<Result<Published>> PublishAsync(PublishRequest r, CancellationToken ct)
        {
            var d = await KeeperDistrictAsync(r.District, ct);
            if (!d.IsSuccess)
            {
                return d.Error!;
            }

            var period = Period(r.From, r.To, time.Today());
            if (!period.IsSuccess)
            {
                return period.Error!;
            }

            var (from, to) = period.Value;
            var content = await ComposeAsync(d.Value, from, to, ct);
            var user = await current.GetAsync(ct);
            var bulletin = new Bulletin
            {
                DistrictId = d.Value.Id,
                Title = string.IsNullOrWhiteSpace(r.Title) ? $"{d.Value.Name}基层减负问题线索查处情况通报({Format(from)}至{Format(to)})" : r.Title.Trim(),
                From = from, To = to, PublishedAt = time.UtcNow(), PublishedBy = user.DisplayName,
                ContentJson = JsonSerializer.Serialize(content),
            };
            if (bulletin.Title.Length > 200)
            {
                return Error.Validation("title", "标题不超过200字。");
            }

            db.Bulletins.Add(bulletin);
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return Describe(bulletin);
        }

        public async Task<Result<Published>> GetAsync(int id, CancellationToken ct)
        {
            var bulletin = await db.Bulletins.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
            return bulletin is null ? Error.NotFound("通报不存在。") : Describe(bulletin);
        }

        public Task<List<ListItem>> ListAsync(CancellationToken ct) =>
            db.Bulletins.AsNoTracking().OrderByDescending(b => b.PublishedAt).Take(200)
                .Select(b => new ListItem(b.Id, b.Title, b.From.ToString("yyyy-MM-dd"), b.To.ToString("yyyy-MM-dd"), b.PublishedAt))
                .ToListAsync(ct);

        public static async Task<byte[]> ToXlsxAsync(Published bulletin, CancellationToken ct)
        {
            var rows = bulletin.Content.Bodies.SelectMany(b => b.Entries.Select(e => new Dictionary<string, object?>
            {
                ["责任单位"] = b.Body, ["扣分合计"] = b.DeductionPoints, ["问题类型"] = e.Category,
                ["查实问题"] = e.Summary, ["整改状态"] = e.Status, ["整改期限"] = e.RectifyDue, ["整改超期"] = e.RectificationOverdue ? "是" : "否",
            })).ToList();
            if (rows.Count == 0)
            {
                rows.Add(new Dictionary<string, object?> { ["责任单位"] = "本期无查实问题" });
            }

            using var stream = new MemoryStream();
            await stream.SaveAsAsync(rows, sheetName: "通报", cancellationToken: ct);
            return stream.ToArray();
        }

        private static Published Describe(Bulletin b) =>
            new(b.Id, b.Title, Format(b.From), Format(b.To), DateTime.SpecifyKind(b.PublishedAt, DateTimeKind.Utc), JsonSerializer.Deserialize<BulletinContent>(b.ContentJson)!);

        private static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static async Task<IResult> ExportAsync(int id, Handler handler, CancellationToken ct)
    {
        var bulletin = await handler.GetAsync(id, ct);
        return bulletin.IsSuccess
            ? Results.File(await Handler.ToXlsxAsync(bulletin.Value, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"减负通报-{bulletin.Value.From}.xlsx")
            : bulletin.Error!.ToProblem();
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/bulletins/preview", async (string? district, string? from, string? to, Handler h, CancellationToken ct) =>
                (await h.PreviewAsync(district, from, to, ct)).ToHttp(Results.Ok))
            .WithName("PreviewBulletin").WithSummary("预览某期通报(默认上一个自然月;区减负办)").Produces<BulletinContent>();
        api.MapPost("/bulletins", async (PublishRequest r, Handler h, CancellationToken ct) =>
                (await h.PublishAsync(r, ct)).ToHttp(b => Results.Created($"/api/v1/bulletins/{b.Id}", b)))
            .WithName("PublishBulletin").WithSummary("发布通报(内容固定为发布时的快照)").Produces<Published>(StatusCodes.Status201Created);
        api.MapGet("/bulletins", async (Handler h, CancellationToken ct) => Results.Ok(await h.ListAsync(ct)))
            .AllowAnonymous().WithName("ListBulletins").WithSummary("已发布的通报(公开)").Produces<List<ListItem>>();
        api.MapGet("/bulletins/{id:int}", async (int id, Handler h, CancellationToken ct) => (await h.GetAsync(id, ct)).ToHttp(Results.Ok))
            .AllowAnonymous().WithName("GetBulletin").WithSummary("一期通报(公开)").Produces<Published>();
        api.MapGet("/bulletins/{id:int}/export", ExportAsync)
            .AllowAnonymous().WithName("ExportBulletin").WithSummary("导出通报为 Excel (.xlsx)");
    }
}
