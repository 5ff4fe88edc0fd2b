using System.Text.Json;
using System.Text.Json.Serialization;
using Tolk.Connectors;

namespace Tolk.Customerp.Internal;

/// <summary>A record read at the edge of the high-water mark, so a re-read inside the overlap window can be dropped.</summary>
internal sealed record SeenVersion(long Id, long Version, DateTimeOffset UpdatedAt);

/// <summary>
/// Where a datatype's reading stands. <see cref="Watermark"/> is the latest <c>updated_at</c> read; <see cref="Next"/>
/// is the API's <c>next_cursor</c> of a listing still under way, which must be repeated with the exact
/// <see cref="ListingSince"/> it was issued for; <see cref="Recent"/> is what was read inside the overlap window.
/// </summary>
internal sealed record CustomerpCursor(DateTimeOffset? Watermark, string? ListingSince, string? Next, IReadOnlyList<SeenVersion> Recent)
{
    /// <summary>The format this build writes; a newer one must keep reading it or start a full read.</summary>
    public const int Format = 1;

    public static CustomerpCursor Start { get; } = new(null, null, null, []);

    public ConnectorCursor ToConnectorCursor() => new(JsonSerializer.Serialize(this, CursorJson.Default.CustomerpCursor), Format);

    /// <summary>The saved cursor, or null when it is none, of another format or unreadable (the caller then reads everything).</summary>
    public static CustomerpCursor? From(ConnectorCursor cursor)
    {
        if (cursor.IsNone || cursor.Format != Format)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(cursor.Value, CursorJson.Default.CustomerpCursor) is { Recent: not null } parsed ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CustomerpCursor))]
internal sealed partial class CursorJson : JsonSerializerContext;
