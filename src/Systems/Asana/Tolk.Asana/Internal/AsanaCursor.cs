using System.Text.Json;
using System.Text.Json.Serialization;
using Tolk.Connectors;

namespace Tolk.Asana.Internal;

/// <summary>
/// Where one datatype's reads stand: an events sync token per workspace, and when the last full read (reconciliation)
/// began. Stored as JSON with a format number, so a later connector can read it or start over.
/// </summary>
internal sealed record AsanaCursor(
    [property: JsonPropertyName("sync")] IReadOnlyDictionary<string, string> SyncTokens,
    [property: JsonPropertyName("reconciled_at")] DateTimeOffset ReconciledAt)
{
    /// <summary>The format this connector writes.</summary>
    public const int Format = 1;

    /// <summary>The cursor as the hub stores it.</summary>
    public ConnectorCursor ToConnectorCursor() => new(JsonSerializer.Serialize(this), Format);

    /// <summary>The cursor a saved one holds, or null (none, another format, or unreadable: a full read follows).</summary>
    public static AsanaCursor? From(ConnectorCursor cursor)
    {
        if (cursor.IsNone || cursor.Format != Format)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<AsanaCursor>(cursor.Value) is { SyncTokens: not null } parsed ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
