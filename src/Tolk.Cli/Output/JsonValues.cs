using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tolk.Cli.Output;

/// <summary>JSON values as a person reads them in a table: strings bare, the rest as JSON, long ones cut short.</summary>
internal static class JsonValues
{
    /// <summary>Parses stored JSON; null when absent or not JSON.</summary>
    public static JsonNode? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }

    /// <summary>A value for a table cell.</summary>
    public static string Show(JsonNode? value, int max = 60)
    {
        var text = value switch
        {
            null => "null",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => value.ToJsonString(),
        };
        text = text.ReplaceLineEndings(" ");
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }

    /// <summary>An object's properties as "name: value" lines, in name order.</summary>
    public static string Lines(JsonNode? values, int max = 60) =>
        values is JsonObject o && o.Count > 0
            ? string.Join('\n', o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {Show(p.Value, max)}"))
            : "—";
}
