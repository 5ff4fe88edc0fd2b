using System.Text.Json;
using System.Text.Json.Serialization;
using Tolk.Connectors;

namespace Tolk.Custompms.Internal;

/// <summary>
/// Where a datatype's reading stands. <see cref="Seq"/> is the change-log position everything read so far is covered
/// up to: the head taken before a full read began, or the <c>lastSeq</c> of the change-log page last applied.
/// <see cref="Listing"/> is a full read still under way (null once it has finished): it resumes from there.
/// </summary>
internal sealed record CustompmsCursor(long Seq, ListingPosition? Listing)
{
    /// <summary>The format this build writes; a newer one must keep reading it or start a full read.</summary>
    public const int Format = 1;

    public ConnectorCursor ToConnectorCursor() => new(JsonSerializer.Serialize(this, CursorJson.Default.CustompmsCursor), Format);

    /// <summary>The saved cursor, or null when it is none, of another format or unreadable (the caller then reads everything).</summary>
    public static CustompmsCursor? From(ConnectorCursor cursor)
    {
        if (cursor.IsNone || cursor.Format != Format)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(cursor.Value, CursorJson.Default.CustompmsCursor) is { Seq: >= 0 } parsed
                && parsed.Listing is null or { Page: >= 1, Boundary: not null }
                ? parsed
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CustompmsCursor))]
internal sealed partial class CursorJson : JsonSerializerContext;
