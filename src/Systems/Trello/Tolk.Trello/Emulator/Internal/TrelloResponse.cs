using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tolk.Trello.Emulator.Internal;

/// <summary>What a Trello endpoint answers: JSON for success, plain text for most errors, as the real API does.</summary>
internal sealed record TrelloResponse(int Status, JsonNode? Json, string? Text)
{
    public const string NotFoundText = "The requested resource was not found.";

    /// <summary>Trello writes UTF-8 as is (æøå, dashes), not as \u escapes.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TrelloResponse Ok(JsonNode json) => new(200, json, null);

    /// <summary>Trello's answer to a delete.</summary>
    public static TrelloResponse Deleted() => new(200, new JsonObject { ["_value"] = null }, null);

    public static TrelloResponse Error(int status, string text) => new(status, null, text);

    public static TrelloResponse NotFound() => Error(404, NotFoundText);

    public static TrelloResponse InvalidId() => Error(400, "invalid id");

    public static TrelloResponse Invalid(string parameter) => Error(400, $"invalid value for {parameter}");

    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>Writes the response the way Trello's servers do (JSON or text/plain, both UTF-8).</summary>
    public Task WriteAsync(HttpResponse response) => WriteAsync(response, Status, Json, Text);

    public static async Task WriteAsync(HttpResponse response, int status, JsonNode? json, string? text)
    {
        response.StatusCode = status;
        if (json is not null || text is null)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(json?.ToJsonString(JsonOptions) ?? "null", Encoding.UTF8);
            return;
        }
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(text, Encoding.UTF8);
    }
}
