using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tolk.Sync.Conversion;

/// <summary>
/// Where a field sits in a record as its connector delivers it: names separated by dots for nested objects, and
/// <c>[n]</c> for an element of a list (<c>address.street</c>, <c>data.text</c>, <c>projects[0]</c>).
/// </summary>
public sealed partial record FieldPath
{
    private FieldPath(string text, IReadOnlyList<object> segments)
    {
        Text = text;
        Segments = segments;
    }

    /// <summary>The path as written in the configuration.</summary>
    public string Text { get; }

    // Each segment is a string (an object member) or an int (a list index).
    internal IReadOnlyList<object> Segments { get; }

    /// <summary>Parses a path; null when it is malformed.</summary>
    public static FieldPath? TryParse(string text)
    {
        if (!PathPattern().IsMatch(text))
        {
            return null;
        }

        var segments = new List<object>();
        foreach (Match match in SegmentPattern().Matches(text))
        {
            segments.Add(match.Groups["name"].Success ? match.Groups["name"].Value : int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return new FieldPath(text, segments);
    }

    /// <summary>Parses a path that is known to be valid.</summary>
    public static FieldPath Parse(string text) => TryParse(text) ?? throw new FormatException($"Invalid field path '{text}'.");

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>
    /// Reads the field. False when it is absent (unknown: the record did not say); true with null when it is null, when
    /// an enclosing object is null, or when a list is shorter than the index (the record says there is no value).
    /// </summary>
    public bool TryGet(JsonObject record, out JsonNode? value)
    {
        JsonNode? node = record;
        value = null;
        for (var i = 0; i < Segments.Count; i++)
        {
            switch (Segments[i], node)
            {
                case (_, null):
                    return true;
                case (string name, JsonObject obj):
                    if (!obj.TryGetPropertyValue(name, out node))
                    {
                        return false;
                    }

                    break;
                case (int index, JsonArray array):
                    node = index < array.Count ? array[index] : null;
                    break;
                default:
                    return false;
            }
        }

        value = node;
        return true;
    }

    /// <summary>Reads the field, treating an absent field as null.</summary>
    public JsonNode? GetOrNull(JsonObject? record) => record is not null && TryGet(record, out var value) ? value : null;

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\[\d+\])*(\.[A-Za-z_][A-Za-z0-9_]*(\[\d+\])*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentPattern();
}
