using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tolk.Crmoffice.Emulator.Internal;

/// <summary>Reads a request body as a JSON object by hand, so bad input gets Crmoffice's error body and never a framework 400.</summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    public static async Task<(JsonObject? Body, CrmError? Error)> ReadObjectAsync(HttpRequest request)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, CrmError.InvalidRequest("Content-Type must be application/json."));
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0)
        {
            return (null, CrmError.InvalidRequest("The request body is empty; a JSON object is required."));
        }
        try
        {
            var node = JsonNode.Parse(buffer.ToArray(), documentOptions: Strict);
            return node is JsonObject obj
                ? (obj, null)
                : (null, CrmError.InvalidRequest("The request body must be a JSON object."));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return (null, CrmError.InvalidRequest($"The request body is not valid JSON: {e.Message}"));
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
