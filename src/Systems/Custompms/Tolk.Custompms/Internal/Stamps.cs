using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tolk.Custompms.Internal;

/// <summary>
/// Custompms timestamps: RFC 3339 with milliseconds. Instants are compared at millisecond precision, the precision of
/// <c>modifiedSince</c>, so a boundary computed here is the one the server filters on.
/// </summary>
internal static class Stamps
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The instant a JSON value holds, truncated to the millisecond; null when it is not an RFC 3339 date-time.</summary>
    public static DateTimeOffset? Read(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String && Parse((string)v!) is { } at ? at : null;

    /// <summary>Parses an RFC 3339 date-time (with a <c>T</c> and an offset), truncated to the millisecond.</summary>
    public static DateTimeOffset? Parse(string text) =>
        text.Length >= 20 && text[10] is 'T' or 't'
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var at)
        && (text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-')
            ? Truncate(at)
            : null;

    /// <summary>The form <c>modifiedSince</c> takes: UTC with milliseconds.</summary>
    public static string Write(DateTimeOffset at) => at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
