using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Tidsbanken.Internal;

/// <summary>Where a raw entity sits in the read order (<c>SistEndretDato</c>, then <c>Id</c>), for keyset paging.</summary>
internal sealed record Position(DateTimeOffset Modified, string Id);

/// <summary>One entity of a page: the record, or the problem that kept it out; its position when it has one.</summary>
internal sealed record ReadItem(ConnectorRecord? Record, ReadProblem? Problem, Position? Position, string? Hash);

/// <summary>
/// Normalises an entity into a <see cref="ConnectorRecord"/>: every property under the API's own name (annotations
/// aside), the id as text, the true modification time. A value of the wrong JSON type becomes a problem naming the
/// record and the field.
/// </summary>
internal static class RecordReader
{
    public static ReadItem Read(EntityType type, JsonNode? raw, TimeSpan correction)
    {
        if (raw is not JsonObject entity)
        {
            return new ReadItem(null, new ReadProblem(null, null, $"expected a {type.Name} object, got {Describe(raw)}"), null, null);
        }
        var id = IdOf(type, entity[EntityType.Key]);
        var modified = entity[EntityType.Modified] is JsonValue m && m.GetValueKind() == JsonValueKind.String ? ParseTime(m.GetValue<string>()) : null;
        var position = id is not null && modified is not null ? new Position(modified.Value, id) : null;
        if (id is null)
        {
            return new ReadItem(null, new ReadProblem(null, EntityType.Key, $"{type.Name} without a usable Id: {Describe(entity[EntityType.Key])}"), position, null);
        }
        foreach (var field in type.Fields)
        {
            if (entity[field.Name] is { } value && !Fits(field.Kind, value))
            {
                return new ReadItem(null, new ReadProblem(id, field.Name,
                    $"{type.Name} {id}: {field.Name} is {Describe(value)}, where the API documents {field.Kind.ToString().ToLowerInvariant()}"), position, null);
            }
        }
        if (modified is null)
        {
            return new ReadItem(null, new ReadProblem(id, EntityType.Modified, $"{type.Name} {id}: no readable {EntityType.Modified}"), null, null);
        }
        var properties = new JsonObject();
        foreach (var (name, value) in entity.Where(p => !p.Key.Contains('@', StringComparison.Ordinal)))
        {
            properties[name] = value?.DeepClone();
        }
        var modifiedAt = type.Skewed ? modified.Value + correction : modified.Value;
        return new ReadItem(new ConnectorRecord(id, properties, modifiedAt), null, position, Hash(properties));
    }

    /// <summary>A short content hash, so a record re-read inside the overlap window can be recognised as unchanged.</summary>
    public static string Hash(JsonObject properties) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(properties.ToJsonString())), 0, 12);

    public static DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at : null;

    private static string? IdOf(EntityType type, JsonNode? node) => node switch
    {
        JsonValue v when type.IntegerKey && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) =>
            n.ToString(CultureInfo.InvariantCulture),
        JsonValue v when !type.IntegerKey && v.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetValue<string>()) =>
            v.GetValue<string>(),
        _ => null,
    };

    private static bool Fits(FieldKind kind, JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Null => true,
        JsonValueKind.String => kind is FieldKind.Text or FieldKind.Date or FieldKind.Timestamp,
        JsonValueKind.Number => kind == FieldKind.Integer && ((JsonValue)value).TryGetValue<long>(out _),
        JsonValueKind.True or JsonValueKind.False => kind == FieldKind.Flag,
        _ => false,
    };

    private static string Describe(JsonNode? node)
    {
        var json = node?.ToJsonString() ?? "null";
        return json.Length > 40 ? json[..40] + "..." : json;
    }
}
