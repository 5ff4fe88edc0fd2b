using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Tolk.Customerp.Emulator.Internal;

/// <summary>
/// Reads a request body the way Customerp does, defensively: the media type, the size, then strict JSON (no duplicate
/// properties) that must be an object. Every failure is a problem value, never an exception.
/// </summary>
internal static class RequestBody
{
    public const string Json = "application/json", MergePatch = "application/merge-patch+json";

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    public static async Task<(byte[]? Bytes, Problem? Problem)> ReadAsync(HttpRequest request, bool mergePatch)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase) || (mergePatch && type.MediaType.Equals(MergePatch, StringComparison.OrdinalIgnoreCase)))
            || (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            var accepted = mergePatch ? $"{MergePatch} or {Json}" : Json;
            return (null, Problem.Of(415, $"The body must be {accepted} (UTF-8), not '{request.ContentType}'."));
        }
        if (request.ContentLength > CustomerpAssumptions.MaxBodyBytes)
        {
            return (null, TooLarge());
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > CustomerpAssumptions.MaxBodyBytes)
            {
                return (null, TooLarge());
            }
        }
        return (buffer.ToArray(), null);
    }

    /// <summary>The body as a JSON object, or the 400 problem saying why it is not one.</summary>
    public static (JsonElement Object, Problem? Problem) Parse(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, Strict);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (default, Problem.Of(400, $"The body must be a JSON object, not {Describe(document.RootElement.ValueKind)}."));
            }
            CheckStrings(document.RootElement);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (default, Problem.Of(400, $"The body is not valid JSON: {e.Message}"));
        }
        catch (InvalidOperationException e)
        {
            return (default, Problem.Of(400, $"The body holds a string that is not valid Unicode: {e.Message}"));
        }
    }

    // Escapes such as a lone \ud800 parse as JSON but cannot become .NET strings; reading every string and property
    // name once here means no later GetString() can throw.
    private static void CheckStrings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CheckStrings(item);
                }
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    CheckStrings(property.Value);
                }
                break;
        }
    }

    private static Problem TooLarge() => Problem.Of(413, $"The body must be at most {CustomerpAssumptions.MaxBodyBytes} bytes.");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a boolean",
    };
}
