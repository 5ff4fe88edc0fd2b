using System.Net;
using System.Text.Json.Nodes;

namespace Tolk.Tidsbanken.Internal;

/// <summary>An answer from the API: status, parsed body (null when empty or not JSON), Retry-After, and whether the
/// credential guard answered without a call.</summary>
internal sealed record ApiReply(HttpStatusCode Status, JsonNode? Body, string Text, TimeSpan? RetryAfter, bool ShortCircuited)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The entities of a collection answer (<c>{"value":[...]}</c>), or of a single-entity answer.</summary>
    public IReadOnlyList<JsonNode?> Values => Body switch
    {
        JsonObject { } o when o["value"] is JsonArray array => array.ToList(),
        JsonObject o => [o],
        _ => [],
    };

    /// <summary>The first entity of the answer, or null.</summary>
    public JsonNode? First => Values is [var first, ..] ? first : null;
}
