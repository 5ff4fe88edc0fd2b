using System.Net;
using System.Text.Json.Nodes;

namespace Tolk.Custompms.Internal;

/// <summary>
/// An API response read in full: status, JSON body (null when empty or not JSON), whether a <c>Link: rel="next"</c>
/// page follows, and Retry-After.
/// </summary>
internal sealed record ApiReply(HttpStatusCode Status, JsonNode? Body, bool HasNext, TimeSpan? RetryAfter)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    /// <summary>The <c>error</c> code of a Custompms error body (<c>validation_failed</c>, <c>sequence_expired</c>...), or null.</summary>
    public string? ErrorCode => Text("error");

    /// <summary>The <c>field</c> an error body names, or null.</summary>
    public string? ErrorField => Text("field");

    /// <summary>The <c>message</c> of an error body, or null.</summary>
    public string? ErrorMessage => Text("message");

    private string? Text(string name) => Body is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
}
