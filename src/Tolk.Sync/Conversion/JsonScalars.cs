using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tolk.Sync.Conversion;

/// <summary>Strict readers of JSON scalars: a value of the wrong JSON kind is an error, never coerced.</summary>
internal static partial class JsonScalars
{
    /// <summary>The value as the error messages show it (its JSON text).</summary>
    public static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";

    public static bool IsString(JsonNode node, out string text)
    {
        text = "";
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            text = value.GetValue<string>();
            return true;
        }

        return false;
    }

    public static bool IsBoolean(JsonNode node, out bool flag)
    {
        flag = node.GetValueKind() == JsonValueKind.True;
        return node.GetValueKind() is JsonValueKind.True or JsonValueKind.False;
    }

    // A number's JSON text is exact whatever backs the node (a parsed element, a long, a decimal, a double).
    public static bool IsDecimal(JsonNode node, out decimal number)
    {
        number = 0;
        return node.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    public static bool IsInteger(JsonNode node, out long number)
    {
        number = 0;
        if (!IsDecimal(node, out var value) || value != decimal.Truncate(value) || value < long.MinValue || value > long.MaxValue)
        {
            return false;
        }

        number = (long)value;
        return true;
    }

    /// <summary>Parses an ISO 8601 date-time; <paramref name="hasOffset"/> says whether it carried an offset or Z.</summary>
    public static bool IsDateTime(string text, out DateTime local, out TimeSpan? offset)
    {
        local = default;
        offset = null;
        var match = IsoDateTime().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var stamp = match.Groups["stamp"].Value.Replace(' ', 'T');
        if (!DateTime.TryParseExact(stamp, StampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            return false;
        }

        var zone = match.Groups["zone"].Value;
        if (zone.Length > 0)
        {
            offset = zone is "Z" or "z" ? TimeSpan.Zero : ParseOffset(zone);
        }

        return offset is null || offset.Value.Duration() <= TimeSpan.FromHours(14);
    }

    private static readonly string[] StampFormats =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    private static TimeSpan ParseOffset(string zone)
    {
        var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
        var span = new TimeSpan(int.Parse(digits[..2], CultureInfo.InvariantCulture), int.Parse(digits[2..], CultureInfo.InvariantCulture), 0);
        return zone[0] == '-' ? -span : span;
    }

    [GeneratedRegex(@"^(?<stamp>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)(?<zone>Z|z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTime();
}
