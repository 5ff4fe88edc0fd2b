using System.Text.Json.Nodes;

namespace Tolk.Asana.Internal.Dto;

/// <summary>One answer of the API (or one action of a batch): status and parsed body; status 0 when no answer came.</summary>
internal sealed record AsanaResponse(int Status, JsonNode? Body, TimeSpan? RetryAfter = null, string? Transport = null)
{
    /// <summary>Whether the connection failed before an answer arrived: a write may or may not have been applied.</summary>
    public bool Lost => Status == 0;

    /// <summary>Whether the status is 2xx.</summary>
    public bool Ok => Status is >= 200 and < 300;

    /// <summary>The envelope's <c>data</c>.</summary>
    public JsonNode? Data => Body is JsonObject o ? o["data"] : null;

    /// <summary>The first error message of Asana's error body.</summary>
    public string? ErrorMessage => Body is JsonObject o && o["errors"] is JsonArray { Count: > 0 } errors && errors[0] is JsonObject first
        && first["message"] is JsonValue m && m.TryGetValue<string>(out var text) ? text : null;
}
