using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Tolk.Custompms.Emulator.Internal;

/// <summary>
/// Reads a request body by hand, so that every kind of bad input gets Custompms's 400 rather than a framework error:
/// wrong or missing content type, too large, not JSON, duplicate names, not an object.
/// </summary>
internal static class RequestBody
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    /// <summary>Reads at most the contract's limit (plus one byte, to tell a too large body).</summary>
    public static async Task<(byte[]? Bytes, ApiError? Error)> ReadAsync(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiError.Validation(null, "The body must be JSON, sent with Content-Type: application/json."));
        }
        var limit = CustompmsAssumptions.MaxBodyBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return (null, ApiError.Validation(null, $"The body must be at most {limit} bytes."));
            }
        }
        return (buffer.ToArray(), null);
    }

    public static (JsonObject? Body, ApiError? Error) Parse(byte[] bytes)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes, documentOptions: Strict);
            Decode(node);
        }
        catch (JsonException e)
        {
            return (null, ApiError.Validation(null, $"The body is not valid JSON: {e.Message}"));
        }
        catch (InvalidOperationException e)
        {
            return (null, ApiError.Validation(null, $"The body holds text that is not valid Unicode: {e.Message}"));
        }
        return node is JsonObject body
            ? (body, null)
            : (null, ApiError.Validation(null, "The body must be a JSON object."));
    }

    // Names and strings are decoded lazily; decoding them all here makes an escaped lone surrogate a 400 now
    // rather than an exception wherever the value is first read.
    public static void Decode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Decode(child);
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Decode(child);
                }
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                v.GetValue<string>();
                break;
        }
    }
}
