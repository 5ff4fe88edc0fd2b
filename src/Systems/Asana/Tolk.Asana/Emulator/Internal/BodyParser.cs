using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>
/// Reads a request body the way Asana does: JSON <c>{"data": {...}, "options": {...}}</c> and nothing else at the top
/// level, or form fields (which are the data). Never throws: bad input becomes Asana's error.
/// </summary>
internal static class BodyParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>The data and options of a body, or the error to answer.</summary>
    public static (JsonObject? Data, JsonObject? Options, ApiResult? Error) Parse(string text, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null, null);
        }
        if (contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            return (Form(text), null, null);
        }
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: Options) as JsonObject;
            // JsonObject builds its dictionary lazily; walk it now so duplicate keys fail here, not in a handler.
            Materialize(root);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return (null, null, AsanaErrors.Bad(AsanaErrors.InvalidJson));
        }
        return root is null ? (null, null, AsanaErrors.Bad(AsanaErrors.InvalidJson)) : Envelope(root);
    }

    /// <summary>Splits a parsed body into its data and options.</summary>
    public static (JsonObject? Data, JsonObject? Options, ApiResult? Error) Envelope(JsonObject root)
    {
        foreach (var (key, _) in root)
        {
            if (key is not ("data" or "options"))
            {
                return (null, null, AsanaErrors.Bad(
                    $"Unrecognized request field `{key}`. The only allowed keys at the top level are: data, options. Is it possible you did not wrap object properties in a `data` object?"));
            }
        }
        if (root["data"] is { } data && data is not JsonObject)
        {
            return (null, null, AsanaErrors.Bad($"data: Value is not a JSON object: {data.ToJsonString()}"));
        }
        if (root["options"] is { } options && options is not JsonObject)
        {
            return (null, null, AsanaErrors.Bad($"options: Value is not a JSON object: {options.ToJsonString()}"));
        }
        return ((JsonObject?)root["data"]?.DeepClone(), (JsonObject?)root["options"]?.DeepClone(), null);
    }

    /// <summary>The opt_fields an <c>options</c> object asks for, as a comma-separated string.</summary>
    public static string? OptionFields(JsonObject? options) => options?["fields"] switch
    {
        JsonArray fields => string.Join(",", fields.Select(f => f is JsonValue v && v.TryGetValue<string>(out var s) ? s : "")),
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => null,
    };

    // JSON escapes can spell half a surrogate pair; such text cannot be stored or answered, so the body is not valid.
    private static void WellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw new JsonException("unpaired surrogate");
            }
        }
    }

    private static JsonObject Form(string text)
    {
        var data = new JsonObject();
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((at < 0 ? pair : pair[..at]).Replace('+', ' '));
            var value = at < 0 ? "" : Uri.UnescapeDataString(pair[(at + 1)..].Replace('+', ' '));
            data[key] = value switch { "true" => true, "false" => false, _ => JsonValue.Create(value) };
        }
        return data;
    }

    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    WellFormed(key);
                    Materialize(value);
                }
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                WellFormed(value.GetValue<string>());
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }
                break;
        }
    }
}
