using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Tolk.Custompms.Emulator.Internal;

/// <summary>
/// Reads query parameters by their exact names: an unknown (or wrongly cased) name or a repeated one is a 400 naming
/// it, so a client's typo can never silently widen a read.
/// </summary>
internal sealed class QueryReader(IQueryCollection query)
{
    public ApiError? Only(params string[] allowed)
    {
        foreach (var (name, values) in query)
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                return ApiError.Validation(name, allowed.Length == 0
                    ? $"{name}: this endpoint takes no query parameters."
                    : $"{name} is not a query parameter of this endpoint; use {string.Join(", ", allowed)}.");
            }
            if (values.Count > 1)
            {
                return ApiError.Validation(name, $"{name} must be given once.");
            }
        }
        return null;
    }

    public string? Text(string name) => query.TryGetValue(name, out var values) ? values.ToString() : null;

    public (long Value, ApiError? Error) Integer(string name, long min, long max, long fallback)
    {
        var text = Text(name);
        if (text is null)
        {
            return (fallback, null);
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? (value, null)
            : (0, ApiError.Validation(name, $"{name} must be a whole number from {min} to {max}."));
    }
}
