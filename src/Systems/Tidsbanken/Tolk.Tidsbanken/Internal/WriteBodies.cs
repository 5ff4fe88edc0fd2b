using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Tidsbanken.Internal;

/// <summary>The entities writes send, the keys they use, and how a found record is recognised as a create's own.</summary>
internal static class WriteBodies
{
    /// <summary>An insert body: no nulls (the API refuses them on insert), no server-maintained fields, no key yet.</summary>
    public static JsonObject ForInsert(JsonObject properties) => Copy(properties, dropNulls: true);

    /// <summary>An update body: the changes (a null clears a value) with the key inside, as the API wants it.</summary>
    public static JsonObject ForUpdate(EntityType type, string id, JsonObject changes)
    {
        var body = Copy(changes, dropNulls: false);
        body[EntityType.Key] = KeyValue(type, id);
        return body;
    }

    /// <summary>The key given in the properties, as text, or null when the client must choose one.</summary>
    public static string? GivenKey(EntityType type, JsonObject properties)
    {
        var text = properties[EntityType.Key] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim(),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
            _ => null,
        };
        if (text is null || !ODataQuery.IsKey(type, text))
        {
            return null;
        }
        return type.IntegerKey ? int.Parse(text, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : text;
    }

    /// <summary>
    /// A key derived from the create's idempotency key, for Kunde and Prosjekt created without one: the same intent
    /// always gets the same key, so a create whose response was lost is found (or refused with 409) by that key.
    /// </summary>
    public static string DerivedKey(string idempotencyKey) =>
        "T" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)), 0, 6);

    public static JsonNode KeyValue(EntityType type, string id) =>
        type.IntegerKey ? JsonValue.Create(int.Parse(id, CultureInfo.InvariantCulture)) : JsonValue.Create(id);

    /// <summary>Whether <paramref name="found"/> is what <paramref name="request"/> created: its merge-key fields agree,
    /// or, without any, every field it was created with.</summary>
    public static bool Matches(EntityType type, JsonObject found, CreateRequest request)
    {
        var keys = (request.MatchFields ?? new Dictionary<string, string>())
            .Where(m => type.Find(m.Key) is not null).ToList();
        if (keys.Count > 0)
        {
            return keys.All(m => Same(found[type.Find(m.Key)!.Name], JsonValue.Create(m.Value)));
        }
        return ForInsert(request.Properties).Where(p => p.Key != EntityType.Key).All(p => Same(found[p.Key], p.Value));
    }

    private static bool Same(JsonNode? a, JsonNode? b) =>
        a is JsonValue x && b is JsonValue y && x.GetValueKind() == JsonValueKind.String && y.GetValueKind() == JsonValueKind.String
            ? string.Equals(x.GetValue<string>().Trim(), y.GetValue<string>().Trim(), StringComparison.OrdinalIgnoreCase)
            : JsonNode.DeepEquals(a, b);

    private static JsonObject Copy(JsonObject properties, bool dropNulls)
    {
        var body = new JsonObject();
        foreach (var (name, value) in properties)
        {
            if (name.Contains('@', StringComparison.Ordinal) || EntityType.ServerManaged.Contains(name)
                || string.Equals(name, EntityType.Key, StringComparison.OrdinalIgnoreCase) || (dropNulls && value is null))
            {
                continue;
            }
            body[name] = value?.DeepClone();
        }
        return body;
    }
}
