using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Custompms.Internal;

/// <summary>
/// Turns one record of the API into a <see cref="ConnectorRecord"/>, or a <see cref="ReadProblem"/> naming the record
/// and the first field that breaks the contract. Every field is kept under its API name (fields the contract does not
/// know included); Custompms is flat and its references are already ids, so nothing needs reshaping.
/// </summary>
internal static class RecordReader
{
    public static (ConnectorRecord? Record, ReadProblem? Problem) Read(CustompmsCollection collection, JsonNode? item)
    {
        if (item is not JsonObject json)
        {
            return (null, new ReadProblem(null, null, $"a {collection.Datatype} item is not a JSON object: {Excerpt(item)}"));
        }
        if (!IsId(json["id"]))
        {
            return (null, new ReadProblem(RawId(json["id"]), "id", $"id must be a UUID string, not {Excerpt(json["id"])}"));
        }
        var id = (string)json["id"]!;
        foreach (var name in CustompmsCollections.ReadOnly.Skip(1))
        {
            if (Stamps.Read(json[name]) is null)
            {
                return (null, Bad(id, name, "must be an RFC 3339 date-time", json[name]));
            }
        }
        foreach (var (name, shape) in collection.Fields)
        {
            if (!Fits(json[name], shape))
            {
                return (null, Bad(id, name, $"must be {Describe(shape)}", json[name]));
            }
        }
        return (new ConnectorRecord(id, (JsonObject)json.DeepClone(), Stamps.Read(json["modifiedAt"])), null);
    }

    /// <summary>The id of an item, when it has a well-formed one (for lookups that skip malformed items).</summary>
    public static string? IdOf(JsonNode? item) => item is JsonObject o && IsId(o["id"]) ? (string)o["id"]! : null;

    /// <summary>The record a hard delete leaves: no fields, marked deleted (the same content however the delete was seen).</summary>
    public static ConnectorRecord Deleted(string id, DateTimeOffset? at) => new(id, [], at, Deleted: true);

    private static bool Fits(JsonNode? value, FieldShape shape) => (shape, value?.GetValueKind()) switch
    {
        (FieldShape.Text or FieldShape.Date or FieldShape.Reference or FieldShape.Flag, null or JsonValueKind.Null) => true,
        (FieldShape.Text or FieldShape.RequiredText, JsonValueKind.String) => true,
        (FieldShape.Flag, JsonValueKind.True or JsonValueKind.False) => true,
        (FieldShape.Date, JsonValueKind.String) =>
            DateOnly.TryParseExact((string)value!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        (FieldShape.Reference or FieldShape.RequiredReference, JsonValueKind.String) => IsId(value),
        _ => false,
    };

    private static string Describe(FieldShape shape) => shape switch
    {
        FieldShape.Text => "a string or null",
        FieldShape.RequiredText => "a string",
        FieldShape.Flag => "true, false or null",
        FieldShape.Date => "a yyyy-MM-dd date or null",
        FieldShape.Reference => "a record id (UUID string) or null",
        _ => "a record id (UUID string)",
    };

    private static bool IsId(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String && Guid.TryParseExact((string)v!, "D", out _);

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
