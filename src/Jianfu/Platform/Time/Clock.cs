namespace Jianfu.Platform.Time;

/// <summary>Dates as the district sees them: China Standard Time, whatever the server's zone.</summary>
public static class Clock
{
    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(this TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, ChinaTime));

    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;

    public static string ToLocalText(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChinaTime).ToString("yyyy-MM-dd HH:mm");
}
