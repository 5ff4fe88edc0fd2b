using System.Text.Json.Nodes;

namespace Tolk.Hub;

/// <summary>
/// One record as the hub stores it: the system's id, its content as JSON, whether it is deleted and the system's own
/// modification time. Content is hashed exactly as given, so build it with <see cref="FromProperties(string, JsonObject, DateTimeOffset?, bool)"/>.
/// </summary>
public sealed record HubRecord(string Id, string Content, bool Deleted = false, DateTimeOffset? ModifiedAt = null)
{
    /// <summary>Builds a record whose content is <paramref name="properties"/> in canonical form (object keys in ordinal order).</summary>
    public static HubRecord FromProperties(string id, JsonObject properties, DateTimeOffset? modifiedAt = null, bool deleted = false)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return new HubRecord(id, CanonicalJson.Write(properties), deleted, modifiedAt);
    }

    /// <summary>Builds a record whose content is the given properties in canonical form (keys in ordinal order).</summary>
    public static HubRecord FromProperties(
        string id, IEnumerable<KeyValuePair<string, JsonNode?>> properties, DateTimeOffset? modifiedAt = null, bool deleted = false)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return new HubRecord(id, CanonicalJson.Write(properties), deleted, modifiedAt);
    }

    /// <summary>The content hash the store compares versions by (lower-case hex SHA-256 of content and deleted flag).</summary>
    public string ComputeHash() => Convert.ToHexStringLower(RecordHash.Compute(Content, Deleted));
}
