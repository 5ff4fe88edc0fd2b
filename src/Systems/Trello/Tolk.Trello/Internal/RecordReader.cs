using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Trello.Internal;

/// <summary>
/// Turns one Trello object into a <see cref="ConnectorRecord"/>, or a <see cref="ReadProblem"/> naming the record and
/// the first field that breaks the API's shape. Every field is kept under its API name; in actions, the compact
/// references Trello embeds (<c>memberCreator</c>, <c>data.card</c>, <c>data.board</c>, ...) become the referenced
/// record's id, as everywhere in the hub.
/// </summary>
internal static class RecordReader
{
    public const string CommentType = "commentCard";

    public static (ConnectorRecord? Record, ReadProblem? Problem) Read(TrelloDatatype datatype, JsonNode? item)
    {
        if (item is not JsonObject json)
        {
            return (null, new ReadProblem(null, null, $"a trello {datatype.Name} is not a JSON object: {Excerpt(item)}"));
        }
        if (!IsId(json["id"]))
        {
            return (null, new ReadProblem(RawId(json["id"]), "id", $"id must be a 24-hex-digit Trello id, not {Excerpt(json["id"])}"));
        }
        var id = (string)json["id"]!;
        foreach (var (name, shape) in datatype.Fields)
        {
            if (!Fits(json[name], shape))
            {
                return (null, Bad(id, name, Describe(shape), json[name]));
            }
        }
        var properties = (JsonObject)json.DeepClone();
        if (datatype.Name == TrelloDatatypes.Action)
        {
            if ((string?)json["type"] == CommentType && !(json["data"]?["text"] is JsonValue text && text.GetValueKind() == JsonValueKind.String))
            {
                return (null, Bad(id, "data.text", "must be the comment's text", json["data"]?["text"]));
            }
            ReferencesToIds(properties);
            ReferencesToIds((JsonObject)properties["data"]!);
        }
        return (new ConnectorRecord(id, properties, ModifiedAt(datatype, json)), null);
    }

    /// <summary>A record that is gone: its id, and whatever else is known of it.</summary>
    public static ConnectorRecord Deleted(string id, JsonObject? known = null, DateTimeOffset? at = null)
    {
        var properties = known ?? [];
        properties["id"] = id;
        return new ConnectorRecord(id, properties, at, Deleted: true);
    }

    public static bool IsId(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 24 && s.All(char.IsAsciiHexDigit);

    public static DateTimeOffset? Timestamp(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains('T', StringComparison.Ordinal)
        && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    // An edited comment's time is its last edit; a workspace has its last activity; a member has no such time.
    private static DateTimeOffset? ModifiedAt(TrelloDatatype datatype, JsonObject json) => datatype.Name switch
    {
        TrelloDatatypes.Organization => Timestamp(json["dateLastActivity"]),
        TrelloDatatypes.Action => Timestamp(json["data"]?["dateLastEdited"]) ?? Timestamp(json["date"]),
        _ => null,
    };

    // Trello's compact references ({id, name, shortLink, ...}) become the id they point at.
    private static void ReferencesToIds(JsonObject json)
    {
        foreach (var name in json.Where(kv => kv.Value is JsonObject o && IsId(o["id"])).Select(kv => kv.Key).ToList())
        {
            json[name] = (string)json[name]!["id"]!;
        }
    }

    private static bool Fits(JsonNode? value, FieldShape shape) => (shape, value?.GetValueKind()) switch
    {
        (FieldShape.Text or FieldShape.Flag or FieldShape.IdList or FieldShape.Timestamp, null) => true,
        (FieldShape.RequiredText or FieldShape.Id or FieldShape.RequiredTimestamp or FieldShape.Object, null) => false,
        (FieldShape.Text or FieldShape.RequiredText, JsonValueKind.String) => true,
        (FieldShape.Flag, JsonValueKind.True or JsonValueKind.False) => true,
        (FieldShape.Id, JsonValueKind.String) => IsId(value),
        (FieldShape.IdList, JsonValueKind.Array) => value!.AsArray().All(IsId),
        (FieldShape.Timestamp or FieldShape.RequiredTimestamp, JsonValueKind.String) => Timestamp(value) is not null,
        (FieldShape.Object, JsonValueKind.Object) => true,
        _ => false,
    };

    private static string Describe(FieldShape shape) => shape switch
    {
        FieldShape.Text => "must be a string or null",
        FieldShape.RequiredText => "must be a string",
        FieldShape.Flag => "must be true, false or null",
        FieldShape.Id => "must be a 24-hex-digit Trello id",
        FieldShape.IdList => "must be a list of 24-hex-digit Trello ids",
        FieldShape.Timestamp => "must be an ISO 8601 date-time or null",
        FieldShape.RequiredTimestamp => "must be an ISO 8601 date-time",
        _ => "must be a JSON object",
    };

    private static string? RawId(JsonNode? id) => id is JsonValue v && v.GetValueKind() is JsonValueKind.Number or JsonValueKind.String
        ? v.GetValueKind() == JsonValueKind.String ? (string)v! : v.ToJsonString()
        : null;

    private static ReadProblem Bad(string id, string field, string rule, JsonNode? value) =>
        new(id, field, $"{field} {rule}, not {Excerpt(value)}");

    private static string Excerpt(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= 80 ? text : text[..80] + "…";
    }
}
