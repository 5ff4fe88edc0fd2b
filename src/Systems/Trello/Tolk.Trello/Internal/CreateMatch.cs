using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Trello.Internal;

/// <summary>Whether a record read back is the one a create asked for, and when a Trello id says it was created.</summary>
internal static class CreateMatch
{
    /// <summary>The creation time in a Trello id: its first 8 hex digits are Unix seconds.</summary>
    public static DateTimeOffset CreatedAt(string id) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(id.AsSpan(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    /// <summary>
    /// A comment matches by its text. A workspace matches by the request's match fields when it has them, else by every
    /// field it sent except <c>name</c>, which Trello rewrites (lowercased, stripped, made unique). Empty and null are
    /// the same to Trello (an empty website is stored as null).
    /// </summary>
    public static bool Matches(TrelloDatatype type, ConnectorRecord record, CreateRequest request)
    {
        if (type.Name == TrelloDatatypes.Action)
        {
            var (fields, _) = WriteFields.From(type, request.Properties, "match");
            return fields is [(_, var text)] && Text(record.Properties["data"]?["text"]) == text;
        }
        if (request.MatchFields is { Count: > 0 } keys)
        {
            return keys.All(k => string.Equals(Text(Path(record.Properties, k.Key)), k.Value, StringComparison.OrdinalIgnoreCase));
        }
        var compared = request.Properties.Where(p => p.Key != "name").ToList();
        return compared.Count > 0 && compared.All(p => Text(p.Value) == Text(record.Properties[p.Key]));
    }

    private static JsonNode? Path(JsonObject properties, string path)
    {
        JsonNode? node = properties;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }
        return node;
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
