namespace Jianfu.Platform.Time;

/// <summary>Dates as the district sees them: China Standard Time, whatever the server's zone.</summary>
public static class Clock
{
    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(this TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, ChinaTime));

    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;

    /// <summary>The China date of a moment stamped in UTC.</summary>
    public static DateOnly ChinaDate(this DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChinaTime));

    /// <summary>The moment, in UTC, at which a China day begins: the lower bound of the rows stamped on that day.</summary>
    public static DateTime StartUtc(this DateOnly chinaDay) =>
        TimeZoneInfo.ConvertTimeToUtc(chinaDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), ChinaTime);

    /// <summary>A wall-clock time in China (a time the hotline wrote without a zone) as UTC.</summary>
    public static DateTime ChinaToUtc(DateTime chinaTime) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(chinaTime, DateTimeKind.Unspecified), ChinaTime);

    public static string ToLocalText(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChinaTime).ToString("yyyy-MM-dd HH:mm");
}
