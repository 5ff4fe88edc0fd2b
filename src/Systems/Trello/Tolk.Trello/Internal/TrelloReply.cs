using System.Net;
using System.Text.Json.Nodes;

namespace Tolk.Trello.Internal;

/// <summary>
/// A Trello answer read in full: the status, the JSON body (null when the body is not JSON) and the plain text Trello
/// sends for most errors, plus the wait a 429 asks for (derived from Trello's rate-limit headers by the rate gate).
/// </summary>
internal sealed record TrelloReply(HttpStatusCode Status, JsonNode? Json, string? Text, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    /// <summary>The JSON array of a listing, or null when the body is something else.</summary>
    public JsonArray? Array => Json as JsonArray;

    /// <summary>The JSON object of a single record, or null when the body is something else.</summary>
    public JsonObject? Object => Json as JsonObject;

    /// <summary>What Trello said, for messages: its plain text, or the JSON body's <c>message</c>, shortened.</summary>
    public string Detail
    {
        get
        {
            var text = Text ?? (Json is JsonObject o && o["message"] is JsonValue m && m.TryGetValue<string>(out var message) ? message : null);
            text = string.IsNullOrWhiteSpace(text) ? Status.ToString() : text.Trim();
            return text.Length <= 200 ? text : text[..200] + "…";
        }
    }
}

/// <summary>The answer to a <c>GET /batch</c>: one reply per route, or null when the call failed (see <see cref="Reply"/>).</summary>
internal sealed record BatchReply(IReadOnlyList<TrelloReply>? Items, TrelloReply Reply);
