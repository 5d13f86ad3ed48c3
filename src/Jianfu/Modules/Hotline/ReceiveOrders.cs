using System.Globalization;
using Jianfu.Modules.Hotline.Domain;
using Jianfu.Modules.Hotline.Routing;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jianfu.Modules.Hotline;

/// <summary>
/// 12345 orders come in one by one through the API or as a sheet (.xlsx or .csv) exported from the hotline system.
/// Every row is checked first; any bad row stops the whole file with its row number. An order number already
/// received is skipped (importing the same export twice adds nothing). Each new order is routed at once.
/// </summary>
public static class ReceiveOrders
{
    public const int MaxRows = 5000;
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxTextLength = 4000;

    public sealed record OrderInput(string? ExternalId, string? Text, string? CommunityCode, DateTime? ReceivedAt);

    public sealed record RowError(int Row, string Column, string Reason);

    public sealed record Response(int Received, int Routed, int Triage, int Skipped, IReadOnlyList<OrderSummary> Orders);

    internal sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory, HotlineRouter router, TimeProvider time)
    {
        public async Task<Result<Response>> ReceiveAsync(IReadOnlyList<OrderInput> inputs, int firstRow, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var districts = HotlineAccess.CentreDistricts(user);
            if (districts.Count == 0)
            {
                return Error.Forbidden("只有区 12345 工单分拨中心(区减负办、区级审核人)可以录入工单。");
            }

            var districtId = districts[0];
            if (inputs.Count == 0)
            {
                return Error.Validation("file", "没有工单数据。");
            }

            if (inputs.Count > MaxRows)
            {
                return Error.Validation("file", $"一次最多导入{MaxRows}条工单,请分批导入。");
            }

            var codes = inputs.Select(i => i.CommunityCode?.Trim()).Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).Distinct().ToList();
            var units = (await directory.FindUnitsAsync(codes, ct)).ToDictionary(u => u.Code);
            var errors = new List<RowError>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < inputs.Count; i++)
            {
                var (row, input) = (firstRow + i, inputs[i]);
                var id = input.ExternalId?.Trim() ?? "";
                if (id.Length is 0 or > 64)
                {
                    errors.Add(new RowError(row, "工单编号", id.Length == 0 ? "不能为空" : "不超过64个字符"));
                }
                else if (StoredText.Problem(id) is { } badId)
                {
                    errors.Add(new RowError(row, "工单编号", badId));
                }
                else if (!seen.Add(id))
                {
                    errors.Add(new RowError(row, "工单编号", $"“{id}”在文件中重复"));
                }

                var text = input.Text?.Trim() ?? "";
                if (text.Length is 0 or > MaxTextLength)
                {
                    errors.Add(new RowError(row, "工单内容", text.Length == 0 ? "不能为空" : $"不超过{MaxTextLength}字"));
                }
                else if (StoredText.Problem(text) is { } badText)
                {
                    errors.Add(new RowError(row, "工单内容", badText));
                }

                if (input.CommunityCode?.Trim() is { Length: > 0 } code &&
                    (!units.TryGetValue(code, out var unit) || unit.Level != UnitLevel.Community || unit.DistrictId != districtId))
                {
                    errors.Add(new RowError(row, "村社区代码", $"“{code}”不是本区的村(社区)"));
                }
            }

            if (errors.Count > 0)
            {
                return new Error("validation", $"工单数据有{errors.Count}处错误,未导入任何工单。", StatusCodes.Status422UnprocessableEntity)
                {
                    Extensions = new Dictionary<string, object?> { ["rows"] = errors.Take(200).ToList() },
                };
            }

            var ids = inputs.Select(i => i.ExternalId!.Trim()).ToList();
            var existing = (await db.HotlineOrders.Where(o => o.DistrictId == districtId && ids.Contains(o.ExternalId)).Select(o => o.ExternalId).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            var now = time.UtcNow();
            var orders = inputs.Where(i => !existing.Contains(i.ExternalId!.Trim())).Select(i =>
            {
                var unit = i.CommunityCode?.Trim() is { Length: > 0 } c ? units[c] : null;
                var order = new HotlineOrder
                {
                    DistrictId = districtId,
                    ExternalId = i.ExternalId!.Trim(),
                    Text = i.Text!.Trim(),
                    CommunityId = unit?.Id,
                    CommunityName = unit?.Name,
                    ReceivedAt = i.ReceivedAt is { } at ? ChinaToUtc(at) : now,
                };
                order.Receive(user.DisplayName, now);
                return order;
            }).ToList();
            await router.RouteAsync(districtId, orders, ct);
            db.HotlineOrders.AddRange(orders);
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(orders.Count, orders.Count(o => o.Status == OrderStatus.Routed), orders.Count(o => o.Status == OrderStatus.Triage),
                inputs.Count - orders.Count, orders.Select(OrderSummary.From).ToList());
        }

        public async Task<Result<Response>> ImportAsync(IFormFile? file, CancellationToken ct)
        {
            if (file is null || file.Length == 0)
            {
                return Error.Validation("file", "请选择要导入的 .xlsx 或 .csv 文件。");
            }

            if (file.Length > MaxBytes)
            {
                return Error.Validation("file", "文件不能超过10 MB。");
            }

            await using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            stream.Position = 0;
            var rows = file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(stream) : ReadXlsx(stream);
            return rows.IsSuccess ? await ReceiveAsync(rows.Value, 2, ct) : rows.Error!;
        }
    }

    /// <summary>A time without a zone is the hotline's, China time (UTC+8); one with a zone is taken as it says.</summary>
    internal static DateTime ChinaToUtc(DateTime at) => at.Kind switch
    {
        DateTimeKind.Utc => at,
        DateTimeKind.Local => at.ToUniversalTime(),
        _ => Clock.ChinaToUtc(at),
    };

    private static readonly string[] IdHeaders = ["工单编号", "id"];
    private static readonly string[] TextHeaders = ["工单内容", "text"];
    private static readonly string[] CommunityHeaders = ["村社区代码", "community"];
    private static readonly string[] TimeHeaders = ["受理时间", "received_at"];

    internal static Result<IReadOnlyList<OrderInput>> ReadXlsx(Stream stream)
    {
        try
        {
            var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>()
                .Select(r => r.ToDictionary(kv => kv.Key.Trim().ToLowerInvariant(), kv => kv.Value is DateTime d ? d.ToString("O") : kv.Value?.ToString()))
                .ToList();
            return FromRows(rows);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or NotSupportedException or ArgumentException or System.Xml.XmlException)
        {
            return Error.Validation("file", "不是有效的 Excel (.xlsx) 文件;也可导入 UTF-8 编码的 .csv。");
        }
    }

    internal static Result<IReadOnlyList<OrderInput>> ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                return Error.Validation("file", "文件为空。");
            }

            var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            var rows = new List<Dictionary<string, string?>>();
            while (csv.Read())
            {
                // A header named twice keeps its first column, as in the Excel import.
                var row = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    row.TryAdd(header[i], csv.GetField(i));
                }

                rows.Add(row);
            }

            return FromRows(rows);
        }
        catch (CsvHelper.CsvHelperException e)
        {
            return Error.Validation("file", $"CSV 文件第{e.Context?.Parser?.RawRow ?? 1}行格式有误(引号不成对或字段不完整),请使用 UTF-8 编码、逗号分隔、首行为表头。");
        }
    }

    private static Result<IReadOnlyList<OrderInput>> FromRows(List<Dictionary<string, string?>> rows)
    {
        string? Get(Dictionary<string, string?> row, string[] names) => names.Select(n => row.GetValueOrDefault(n)).FirstOrDefault(v => v is not null);
        if (rows.Count > 0 && (!rows[0].Keys.Any(IdHeaders.Contains) || !rows[0].Keys.Any(TextHeaders.Contains)))
        {
            return Error.Validation("file", "表头应包含“工单编号”和“工单内容”(可选“村社区代码”“受理时间”),或 id,text[,community,received_at]。");
        }

        return rows.Select(r => new OrderInput(Get(r, IdHeaders), Get(r, TextHeaders), Get(r, CommunityHeaders),
                DateTime.TryParse(Get(r, TimeHeaders), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null))
            .ToList();
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/hotline/orders", async (OrderInput order, Handler handler, CancellationToken ct) =>
                (await handler.ReceiveAsync([order], 1, ct)).ToHttp(r => Results.Created($"/api/v1/hotline/orders/{r.Orders.FirstOrDefault()?.Id}", r)))
            .WithName("ReceiveHotlineOrder")
            .WithSummary("受理一条 12345 工单并立即分拨(置信度达阈值自动分拨,否则进入人工分拨队列);工单编号已存在时不重复受理;receivedAt 不带时区时按北京时间")
            .Produces<Response>(StatusCodes.Status201Created);
        api.MapPost("/hotline/orders/import", async (IFormFile? file, Handler handler, CancellationToken ct) =>
                (await handler.ImportAsync(file, ct)).ToHttp(Results.Ok))
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("ImportHotlineOrders")
            .WithSummary("从 12345 系统导出的 .xlsx/.csv 批量导入工单(工单编号、工单内容、村社区代码、受理时间);有错误时整批不导入")
            .Produces<Response>();
    }
}
