using System.Text.RegularExpressions;
using Tolk.Tidsbanken.Emulator.Internal.OData;

namespace Tolk.Tidsbanken.Emulator.Internal;

/// <summary>OData key syntax in a path segment: <c>Kunde('K1001')</c> or <c>Kunde(Id='K1001')</c>, quotes doubled inside.</summary>
internal static partial class KeyLiteral
{
    /// <summary>The entity set name and the text between the parentheses (null when the segment has no key).</summary>
    public static (string Segment, string? Key) Split(string segment)
    {
        var open = segment.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? (segment, null)
            : segment.EndsWith(')') ? (segment[..open], segment[(open + 1)..^1])
            : (segment, null);
    }

    /// <summary>The key the literal names, or the API's 400 when it is not a valid literal for the key's type.</summary>
    public static (string? Key, ApiError? Error) Parse(string text, EntitySchema schema)
    {
        var match = Literal().Match(text);
        if (!match.Success || (match.Groups["name"].Success
            && !string.Equals(match.Groups["name"].Value, schema.Key.Name, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, ApiError.BadRequest(
                $"The key value '{text}' is not a valid {schema.Key.Kind.EdmName()} key for {schema.TypeName}: write it quoted, e.g. {schema.EntitySet}('K1001'), with ' doubled inside."));
        }
        var key = match.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal);
        return key.Length == 0 ? (null, ApiError.BadRequest($"The key of {schema.TypeName} must not be empty.")) : (key, null);
    }

    [GeneratedRegex(@"^\s*(?:(?<name>\w+)\s*=\s*)?'(?<value>(?:[^']|'')*)'\s*$")]
    private static partial Regex Literal();
}
