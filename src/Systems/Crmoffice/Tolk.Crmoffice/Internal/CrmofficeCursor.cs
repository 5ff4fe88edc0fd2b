using System.Text.Json;
using System.Text.Json.Serialization;
using Tolk.Connectors;

namespace Tolk.Crmoffice.Internal;

/// <summary>A record read inside the overlap window: its content hash and when it was last updated (Unix seconds).</summary>
internal sealed record SeenRecord(
    [property: JsonPropertyName("h")] string Hash,
    [property: JsonPropertyName("at")] long At);

/// <summary>
/// Where a datatype's change stream was left: the newest <c>updatedAt</c> read (as an instant) and the records read
/// within the overlap window before it, so the next read can start a little earlier and drop exactly what it has
/// already seen unchanged. Serialized as JSON; <see cref="CurrentFormat"/> lets a later connector recognise it.
/// </summary>
internal sealed record CrmofficeCursor(
    [property: JsonPropertyName("since")] DateTimeOffset? Since,
    [property: JsonPropertyName("seen")] Dictionary<string, SeenRecord> Seen)
{
    public const int CurrentFormat = 1;

    public static CrmofficeCursor Start => new(null, []);

    /// <summary>The saved cursor, or a fresh start (a full read) for none or a format this connector does not know.</summary>
    public static CrmofficeCursor From(ConnectorCursor cursor)
    {
        if (cursor.IsNone || cursor.Format != CurrentFormat)
        {
            return Start;
        }
        try
        {
            return JsonSerializer.Deserialize<CrmofficeCursor>(cursor.Value) is { Seen: not null } parsed ? parsed : Start;
        }
        catch (JsonException)
        {
            return Start;
        }
    }

    /// <summary>Whether <paramref name="id"/> was already read with this content.</summary>
    public bool HasSeen(string id, string hash) => Seen.TryGetValue(id, out var seen) && seen.Hash == hash;

    /// <summary>The cursor after reading <paramref name="records"/>, keeping only what the next overlap window will re-read.</summary>
    public CrmofficeCursor Advance(IEnumerable<(string Id, string Hash, DateTimeOffset At)> records, TimeSpan overlap)
    {
        var seen = new Dictionary<string, SeenRecord>(Seen, StringComparer.Ordinal);
        var since = Since;
        foreach (var (id, hash, at) in records)
        {
            seen[id] = new SeenRecord(hash, at.ToUnixTimeSeconds());
            since = since is { } s && s >= at ? s : at;
        }
        if (since is { } newest)
        {
            var keepFrom = (newest - overlap).ToUnixTimeSeconds();
            foreach (var old in seen.Where(p => p.Value.At < keepFrom).Select(p => p.Key).ToList())
            {
                seen.Remove(old);
            }
        }
        return new CrmofficeCursor(since, seen);
    }

    public ConnectorCursor ToConnectorCursor() => new(JsonSerializer.Serialize(this), CurrentFormat);
}
