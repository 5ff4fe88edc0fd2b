using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Customerp.Internal;

/// <summary>
/// Turns one list item into a <see cref="ConnectorRecord"/>, or a <see cref="ReadProblem"/> naming the record and the
/// first field that breaks the contract. Every field is kept under its API name (fields the contract does not know
/// included); Customerp is flat and its references are already ids, so nothing needs reshaping.
/// </summary>
internal static class RecordReader
{
    public static (ConnectorRecord? Record, ReadProblem? Problem, long? Version) Read(CustomerpCollection collection, JsonNode? item)
    {
        if (item is not JsonObject json)
        {
            return (null, new ReadProblem(null, null, $"a {collection.Datatype} item is not a JSON object: {Excerpt(item)}"), null);
        }
        if (!TryInteger(json["id"], out var id) || id <= 0)
        {
            return (null, new ReadProblem(RawId(json["id"]), "id", $"id must be a positive integer, not {Excerpt(json["id"])}"), null);
        }
        var recordId = id.ToString(CultureInfo.InvariantCulture);
        if (Check(json, recordId) is { } problem)
        {
            return (null, problem, null);
        }
        foreach (var (name, shape) in collection.Fields)
        {
            if (!Fits(json[name], shape))
            {
                return (null, Bad(recordId, name, $"must be {Describe(shape)}", json[name]), null);
            }
        }
        TryInteger(json["version"], out var version);
        var modified = DateTimeOffset.Parse((string)json["updated_at"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        return (new ConnectorRecord(recordId, (JsonObject)json.DeepClone(), modified, json["deleted_at"] is not null), null, version);
    }

    /// <summary>The fields every record has whatever its collection.</summary>
    private static ReadProblem? Check(JsonObject json, string id)
    {
        foreach (var name in (string[])["created_at", "updated_at"])
        {
            if (!IsTimestamp(json[name]))
            {
                return Bad(id, name, "must be an RFC 3339 date-time", json[name]);
            }
        }
        if (json["deleted_at"] is { } deleted && !IsTimestamp(deleted))
        {
            return Bad(id, "deleted_at", "must be an RFC 3339 date-time or null", deleted);
        }
        return TryInteger(json["version"], out var version) && version > 0 ? null : Bad(id, "version", "must be a positive integer", json["version"]);
    }

    private static bool Fits(JsonNode? value, FieldShape shape) => (shape, value?.GetValueKind()) switch
    {
        (FieldShape.Text or FieldShape.Date or FieldShape.Number or FieldShape.Reference, null) => true,
        (FieldShape.Text or FieldShape.RequiredText, JsonValueKind.String) => true,
        (FieldShape.Flag, JsonValueKind.True or JsonValueKind.False) => true,
        (FieldShape.Date, JsonValueKind.String) =>
            DateOnly.TryParseExact((string)value!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        (FieldShape.Number, JsonValueKind.Number) => true,
        (FieldShape.Reference, JsonValueKind.Number) => TryInteger(value, out var id) && id > 0,
        _ => false,
    };

    private static string Describe(FieldShape shape) => shape switch
    {
        FieldShape.Text => "a string or null",
        FieldShape.RequiredText => "a string",
        FieldShape.Flag => "true or false",
        FieldShape.Date => "a YYYY-MM-DD date or null",
        FieldShape.Number => "a number or null",
        _ => "a record id (positive integer) or null",
    };

    private static bool IsTimestamp(JsonNode? value) =>
        value?.GetValueKind() == JsonValueKind.String
        && ((string)value!).Contains('T', StringComparison.Ordinal)
        && DateTimeOffset.TryParse((string)value!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _);

    private static bool TryInteger(JsonNode? value, out long result)
    {
        result = 0;
        return value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out result);
    }

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
