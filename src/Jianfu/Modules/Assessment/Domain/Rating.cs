using System.Security.Cryptography;
using System.Text;
using Jianfu.Platform.Database;
using Microsoft.AspNetCore.WebUtilities;

namespace Jianfu.Modules.Assessment.Domain;

/// <summary>
/// A community's rating QR code, posted where residents see it: a random token (128 bits) that can be revoked, like
/// the green channel's posters. Its salt keys the one-way hashes by which repeated ratings are recognised, so that no
/// device or address is ever stored.
/// </summary>
internal sealed class RatingPoster : IVersioned
{
    public int Id { get; set; }

    public int RowVersion { get; set; }

    public required string Token { get; set; }

    public required byte[] Salt { get; set; }

    public int DistrictId { get; set; }

    public int UnitId { get; set; }

    public required string UnitCode { get; set; }

    public required string UnitName { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public static string NewToken() => Platform.Web.QrCode.NewToken();

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(16);

    /// <summary>A one-way key of a device or address for this poster and month: equal inputs meet, nothing can be read back.</summary>
    public string Pseudonym(string value, int month) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(Salt, Encoding.UTF8.GetBytes($"{month}:{value}")).AsSpan(0, 16));
}

/// <summary>The district's three to five questions residents answer from 1 to 5.</summary>
internal sealed class RatingQuestionnaire : IVersioned
{
    public const int MinQuestions = 3;
    public const int MaxQuestions = 5;
    public const int MaxQuestion = 40;

    public int Id { get; set; }

    public int RowVersion { get; set; }

    public int DistrictId { get; set; }

    /// <summary>One question per line.</summary>
    public required string Questions { get; set; }

    public DateTime UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public static readonly string[] Default = ["村(社区)干部办事是否及时", "反映的问题是否得到解决", "村(社区)环境和秩序是否满意", "对村(社区)工作总体是否满意"];

    public IReadOnlyList<string> List => Questions.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// One resident's rating of a community. Stored whatever happens; a rating that trips the limits (a second one from
/// the same device in a month, or too many from one address in a day) is kept but not counted, with the reason.
/// </summary>
internal sealed class Rating
{
    public const int MaxComment = 300;

    public long Id { get; set; }

    public int PosterId { get; set; }

    public int DistrictId { get; set; }

    public int UnitId { get; set; }

    /// <summary>The China month it counts in, as yyyyMM.</summary>
    public int Month { get; set; }

    public DateTime At { get; set; }

    /// <summary>The answers in the questionnaire's order, e.g. "5,4,4,5".</summary>
    public required string Answers { get; set; }

    public double Average { get; set; }

    public string? Comment { get; set; }

    public required string DeviceKey { get; set; }

    public required string AddressKey { get; set; }

    public bool Counted { get; set; }

    public string? NotCountedReason { get; set; }

    public static int MonthOf(DateOnly day) => day.Year * 100 + day.Month;

    /// <summary>
    /// Whether the rating counts: not when this device already has a counted rating of the community this month, nor
    /// when its address already gave <paramref name="perAddressPerDay"/> counted ratings of it today.
    /// </summary>
    public void Count(bool deviceCountedThisMonth, int addressCountedToday, int perAddressPerDay)
    {
        NotCountedReason = deviceCountedThisMonth ? DeviceAlreadyCounted : addressCountedToday >= perAddressPerDay ? "同一网络地址当日评价过多" : null;
        Counted = NotCountedReason is null;
    }

    public const string DeviceAlreadyCounted = "同一设备本月已评价过";
}
