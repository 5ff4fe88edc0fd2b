using System.Text.Json;
using Tolk.Connectors;

namespace Tolk.Tidsbanken.Internal;

/// <summary>A record seen inside the overlap window: its reported <c>SistEndretDato</c> and content hash.</summary>
internal sealed record SeenRecord(DateTimeOffset Modified, string Hash);

/// <summary>
/// Where a datatype's change stream stands: the latest <c>SistEndretDato</c> the API reported (in the API's own frame,
/// skewed or not, since the filter compares in that frame), the records seen inside the overlap window (so re-reading
/// it returns only what changed), and for Kunde the known ids and when they were last swept for deletions.
/// </summary>
internal sealed record TidsbankenCursor(
    DateTimeOffset? LastSeen,
    IReadOnlyDictionary<string, SeenRecord> Recent,
    DateTimeOffset? LastSweep = null,
    IReadOnlyCollection<string>? KnownIds = null)
{
    /// <summary>The format this build writes; older or unknown formats start a full read.</summary>
    public const int Format = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TidsbankenCursor Empty { get; } = new(null, new Dictionary<string, SeenRecord>());

    /// <summary>The cursor a saved value holds, or null when there is none (or it cannot be read): a full read.</summary>
    public static TidsbankenCursor? From(ConnectorCursor cursor)
    {
        if (cursor.IsNone || cursor.Format != Format)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<TidsbankenCursor>(cursor.Value, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public ConnectorCursor ToConnectorCursor() => new(JsonSerializer.Serialize(this, Json), Format);
}
