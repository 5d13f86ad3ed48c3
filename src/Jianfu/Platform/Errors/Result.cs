namespace Jianfu.Platform.Errors;

/// <summary>An expected failure: a stable code, a Chinese message for people, and the HTTP status it maps to.</summary>
public sealed record Error(string Code, string Message, int Status = StatusCodes.Status422UnprocessableEntity)
{
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    /// <summary>For a 429: how long the caller should wait, sent as Retry-After.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static Error Validation(string field, string message) =>
        new("validation", message, StatusCodes.Status400BadRequest)
        {
            Extensions = new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
        };

    public static Error Forbidden(string message = "您没有权限执行此操作,或该对象不在您的管辖范围内。") =>
        new("forbidden", message, StatusCodes.Status403Forbidden);

    public static Error NotFound(string message) => new("not-found", message, StatusCodes.Status404NotFound);

    public static Error Conflict(string message) => new("conflict", message, StatusCodes.Status409Conflict);

    public const string StaleMessage = "该记录已被他人处理,请刷新后重试";

    /// <summary>Somebody else changed the record between reading and saving it: nothing of this request was saved.</summary>
    public static Error Stale() => new("stale", StaleMessage, StatusCodes.Status409Conflict);
}

public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result is a failure: {Error!.Code}");

    /// <summary>For values of interface type, which C# cannot convert implicitly.</summary>
    public static Result<T> Ok(T value) => new(value, null);

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);
}
