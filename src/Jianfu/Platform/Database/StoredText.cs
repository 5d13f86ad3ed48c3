using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jianfu.Platform.Database;

/// <summary>
/// The last check before text reaches the database, whatever the way in (API, page, import, Identity): no control
/// characters but tab and line breaks, no broken UTF-16, nothing longer than its column. PostgreSQL refuses a NUL and
/// an over-long value with an error, SQLite stores both; this makes the two providers behave alike and never fail.
/// </summary>
internal static class StoredText
{
    /// <summary>Why a text cannot be taken, or null: the one rule for input and stored text alike.</summary>
    public static string? Problem(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return "含有不可见的控制字符";
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return "含有无效的字符编码";
            }
        }

        return null;
    }

    public static void Validate(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            var values = entry.CurrentValues;
            foreach (var (property, max) in TextsOf(entry.Metadata))
            {
                if (values[property] is not string value || (entry.State == EntityState.Modified && !entry.Property(property.Name).IsModified))
                {
                    continue;
                }

                if (Problem(value) is { } problem)
                {
                    throw new StoredTextException(property.Name, $"{FieldNames.Chinese(property.Name)}{problem},请删除后重试。");
                }

                if (value.Length > max)
                {
                    throw new StoredTextException(property.Name, $"{FieldNames.Chinese(property.Name)}不能超过{max}字(现有{value.Length}字)。");
                }
            }
        }
    }

    private static readonly ConcurrentDictionary<IEntityType, (IProperty Property, int Max)[]> Texts = new();

    /// <summary>The text properties of an entity type with their maximum lengths, worked out once per type.</summary>
    private static (IProperty Property, int Max)[] TextsOf(IEntityType type) => Texts.GetOrAdd(type, t =>
        [.. t.GetProperties().Where(p => p.ClrType == typeof(string)).Select(p => (p, p.GetMaxLength() ?? int.MaxValue))]);
}

/// <summary>A text refused by <see cref="StoredText"/>: nothing was saved.</summary>
internal sealed class StoredTextException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The Chinese names of stored fields, for the messages above.</summary>
internal static class FieldNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["Title"] = "标题", ["Content"] = "内容", ["Text"] = "内容", ["Name"] = "名称", ["UserName"] = "用户名", ["NormalizedUserName"] = "用户名",
        ["DisplayName"] = "姓名", ["PhoneNumber"] = "手机号", ["Email"] = "电子邮箱", ["ScreeningCode"] = "过筛编码", ["ParentCode"] = "上级事项编码",
        ["Description"] = "描述", ["Reason"] = "理由", ["DecisionReason"] = "审核意见", ["Justification"] = "特殊情况说明",
        ["UrgencyReason"] = "紧急原因", ["Result"] = "办理结果", ["Summary"] = "概括", ["Note"] = "备注", ["Reply"] = "办理结果",
        ["PublicReply"] = "公开答复", ["RectificationResponse"] = "整改情况", ["VerificationNote"] = "核实意见", ["Problem"] = "遇到的问题",
        ["Actions"] = "怎么做的", ["Helpers"] = "协助单位", ["Outcome"] = "结果", ["Tags"] = "标签", ["Learned"] = "了解到的情况",
        ["Who"] = "人员", ["ExternalId"] = "工单编号", ["Code"] = "代码", ["Category"] = "问题类型", ["ProposedName"] = "事项名称",
        ["BasisDocument"] = "依据文件", ["BasisArticle"] = "依据条款", ["ResponsibleDepartment"] = "责任部门", ["RetiredReason"] = "停用原因",
        ["CollectiveDecisionOutcome"] = "研究结论", ["ForwardedText"] = "转交责任单位的内容",
    };

    public static string Chinese(string property) => Names.TryGetValue(property, out var name) ? $"“{name}”" : "填写的内容";
}
