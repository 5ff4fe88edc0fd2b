using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Crmoffice.Internal;

/// <summary>A record read from a list or get: the normalised record with its content hash, or the problem it has.</summary>
internal sealed record ReadItem(ConnectorRecord? Record, string? Hash, ReadProblem? Problem);

/// <summary>
/// Turns the API's JSON into <see cref="ConnectorRecord"/>s. Crmoffice already gives references as ids and nests the
/// address, so the properties are the record as sent; every known field is checked for its JSON type so a malformed
/// record is reported by id and field instead of reaching the hub.
/// </summary>
internal static class RecordReader
{
    public static ReadItem Read(CrmDatatype datatype, JsonNode? node)
    {
        if (node is not JsonObject item)
        {
            return Problem(null, null, $"a {datatype.Name} in the list is not a JSON object");
        }
        if (item["id"] is not JsonValue idValue || idValue.GetValueKind() != JsonValueKind.String
            || idValue.GetValue<string>() is not { Length: > 0 } id)
        {
            return Problem(null, "id", $"a {datatype.Name} has no string id");
        }
        if (!CrmTimestamps.TryParse(Text(item["updatedAt"]), out var updatedAt))
        {
            return Problem(id, "updatedAt", "updatedAt is not an ISO 8601 date-time with an offset");
        }
        foreach (var (field, shape) in datatype.Fields)
        {
            if (Check(item[field], shape) is { } message)
            {
                return Problem(id, field, $"{field} {message}");
            }
        }
        var properties = (JsonObject)item.DeepClone();
        return new ReadItem(new ConnectorRecord(id, properties, updatedAt), Hash(item), null);
    }

    /// <summary>A short hash of the record as sent, so the overlap window drops only records it has seen unchanged.</summary>
    public static string Hash(JsonObject item) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(item.ToJsonString())).AsSpan(0, 9));

    private static string? Check(JsonNode? value, FieldShape shape)
    {
        if (value is null)
        {
            return null; // optional fields are null when absent; required ones are the API's business
        }
        var kind = value.GetValueKind();
        return shape switch
        {
            FieldShape.Boolean => kind is JsonValueKind.True or JsonValueKind.False ? null : "is not a boolean",
            FieldShape.DateTime => CrmTimestamps.TryParse(Text(value), out _) ? null : "is not a date-time with an offset",
            FieldShape.Address => value is JsonObject address ? CheckAddress(address) : "is not an object",
            _ => kind == JsonValueKind.String ? null : "is not a string",
        };
    }

    private static string? CheckAddress(JsonObject address) =>
        address.Where(p => p.Value is not null && p.Value.GetValueKind() != JsonValueKind.String)
            .Select(p => $"has a non-string {p.Key}").FirstOrDefault();

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static ReadItem Problem(string? id, string? field, string message) => new(null, null, new ReadProblem(id, field, message));
}
