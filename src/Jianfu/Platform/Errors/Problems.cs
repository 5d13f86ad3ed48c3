namespace Jianfu.Platform.Errors;

/// <summary>
/// Every problem of a form, collected so that the person sees them all at once instead of one per submit. The error
/// made from them carries each field's messages (ProblemDetails "errors") and all of them in its message.
/// </summary>
public sealed class Problems
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);

    public bool Any => _fields.Count > 0;

    public void Add(string field, string message) =>
        (_fields.TryGetValue(field, out var list) ? list : _fields[field] = []).Add(message);

    /// <summary>A failed step's error: a validation error is kept with the others; any other error is returned to stop at once.</summary>
    public Error? Add(Error? error)
    {
        if (error is null)
        {
            return null;
        }

        if (error.Code != "validation" || error.Extensions.GetValueOrDefault("errors") is not IReadOnlyDictionary<string, string[]> fields)
        {
            return error;
        }

        foreach (var (field, messages) in fields)
        {
            foreach (var message in messages)
            {
                Add(field, message);
            }
        }

        return null;
    }

    public Error ToError() => new("validation", string.Join(" ", _fields.Values.SelectMany(m => m)), StatusCodes.Status400BadRequest)
    {
        Extensions = new Dictionary<string, object?> { ["errors"] = _fields.ToDictionary(f => f.Key, f => f.Value.ToArray()) },
    };
}
