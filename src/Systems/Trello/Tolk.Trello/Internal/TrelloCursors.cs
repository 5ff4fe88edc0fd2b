using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Tolk.Connectors;

namespace Tolk.Trello.Internal;

/// <summary>
/// Where a listing-compared datatype (organization, member) stands: a fingerprint of every record as last read, so a
/// new listing passes on only what changed and reports what disappeared; and, for members, the workspaces and boards
/// whose member listings were read, so the next read can fetch them in the same batch as the workspace list.
/// </summary>
internal sealed record ListingCursor(string Datatype, IReadOnlyDictionary<string, string> Seen,
    IReadOnlyList<string> Organizations, IReadOnlyList<string> Boards)
{
    /// <summary>The format this build writes; a newer one must keep reading it or start a full read.</summary>
    public const int Format = 1;

    public static ListingCursor Start(string datatype) => new(datatype, new Dictionary<string, string>(), [], []);

    public ConnectorCursor ToConnectorCursor() => new(JsonSerializer.Serialize(this, TrelloCursorJson.Default.ListingCursor), Format);

    /// <summary>The saved cursor, or null when it is none, of another format or datatype, or unreadable (then: a full read).</summary>
    public static ListingCursor? From(ConnectorCursor cursor, string datatype)
    {
        if (cursor.IsNone || cursor.Format != Format)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(cursor.Value, TrelloCursorJson.Default.ListingCursor) is
                { Seen: not null, Organizations: not null, Boards: not null } parsed && parsed.Datatype == datatype ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Where the comments of the action card stand. <see cref="Location"/> holds the board, list and card names the
/// <see cref="Card"/> was found by (a cursor for other names is not continued); <see cref="Since"/> is the newest action
/// read (the next read asks for what came after it); a listing still under way, newest first, keeps <see cref="Top"/>
/// (its newest action, the next <see cref="Since"/>) and <see cref="Before"/> (the oldest action read so far, where it goes on).
/// </summary>
internal sealed record ActionCursor(IReadOnlyList<string> Location, string? Card, string? Since, string? Top, string? Before)
{
    /// <summary>The format this build writes.</summary>
    public const int Format = 1;

    public static ActionCursor Start(TrelloCardLocation location) => new(Names(location), null, null, null, null);

    /// <summary>Whether this cursor was written for <paramref name="location"/>.</summary>
    public bool IsFor(TrelloCardLocation location) => Location.SequenceEqual(Names(location), StringComparer.Ordinal);

    private static string[] Names(TrelloCardLocation location) => [location.Board, location.List, location.Card];

    public ConnectorCursor ToConnectorCursor() => new(JsonSerializer.Serialize(this, TrelloCursorJson.Default.ActionCursor), Format);

    /// <summary>The saved cursor, or null when it is none, of another format, or unreadable (then: a full read).</summary>
    public static ActionCursor? From(ConnectorCursor cursor)
    {
        if (cursor.IsNone || cursor.Format != Format)
        {
            return null;
        }
        try
        {
            var parsed = JsonSerializer.Deserialize(cursor.Value, TrelloCursorJson.Default.ActionCursor);
            return parsed is { Location: not null } && new[] { parsed.Card, parsed.Since, parsed.Top, parsed.Before }.All(id => id is null || IsId(id))
                ? parsed
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsId(string id) => id.Length == 24 && id.All(char.IsAsciiHexDigit);
}

/// <summary>A short digest of a record's content: equal content, equal fingerprint.</summary>
internal static class Fingerprint
{
    public static string Of(JsonObject properties) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(properties.ToJsonString())).AsSpan(0, 12));
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ListingCursor))]
[JsonSerializable(typeof(ActionCursor))]
internal sealed partial class TrelloCursorJson : JsonSerializerContext;
