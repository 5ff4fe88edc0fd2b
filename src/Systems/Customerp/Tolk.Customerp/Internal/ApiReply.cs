using System.Net;
using System.Text.Json.Nodes;

namespace Tolk.Customerp.Internal;

/// <summary>An API response read in full: status, JSON body (null when empty or not JSON), ETag version and Retry-After.</summary>
internal sealed record ApiReply(HttpStatusCode Status, JsonNode? Body, long? Version, TimeSpan? RetryAfter)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    /// <summary>The problem type URI of an error body (RFC 7807), or null.</summary>
    public string? ProblemType => Body is JsonObject o && o["type"] is JsonValue v && v.TryGetValue<string>(out var type) ? type : null;
}
