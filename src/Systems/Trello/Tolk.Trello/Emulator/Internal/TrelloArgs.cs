using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tolk.Trello.Emulator.Internal;

/// <summary>
/// A request's parameters as Trello reads them: the query string, overlaid by a JSON or form body. Values keep whether
/// they were scalars, so a JSON object where a string belongs is refused rather than stringified.
/// </summary>
internal sealed class TrelloArgs
{
    public const string InvalidJson = "invalid json";

    private readonly Dictionary<string, Arg> _values = new(StringComparer.Ordinal);

    private readonly record struct Arg(string? Text, bool Scalar);

    /// <summary>Reads query and body; the error is the plain-text body of a 400 when the body cannot be parsed.</summary>
    public static async Task<(TrelloArgs? Args, string? Error)> ReadAsync(HttpRequest request)
    {
        var args = FromQuery(request.Query);
        var type = request.ContentType ?? "";
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                foreach (var (name, value) in form)
                {
                    args._values[name] = new Arg(value.ToString(), true);
                }
                return (args, null);
            }
            if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
            {
                return (args, null);
            }
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            if (string.IsNullOrWhiteSpace(text) || !type.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                return (args, null);
            }
            if (JsonNode.Parse(text) is not JsonObject body)
            {
                return (null, InvalidJson);
            }
            args.Overlay(body);
            return (args, null);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, InvalidJson);
        }
    }

    /// <summary>Arguments from a query string only (batch routes, tests).</summary>
    public static TrelloArgs FromQuery(IQueryCollection query)
    {
        var args = new TrelloArgs();
        foreach (var (name, value) in query)
        {
            args._values[name] = new Arg(value.ToString(), true);
        }
        return args;
    }

    /// <summary>Arguments from a JSON object, as a person's edit through the admin channel gives them.</summary>
    public static TrelloArgs FromJson(JsonObject fields)
    {
        var args = new TrelloArgs();
        args.Overlay(fields);
        return args;
    }

    /// <summary>The names present.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>Whether the parameter was given at all.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The parameter as text; <c>Valid</c> is false when it was given but is not a scalar.</summary>
    public (string? Value, bool Valid) Text(string name) =>
        _values.TryGetValue(name, out var a) ? (a.Text, a.Scalar) : (null, true);

    /// <summary>The parameter's text or null, ignoring its type; for credentials and simple switches.</summary>
    public string? Raw(string name) => _values.TryGetValue(name, out var a) && a.Scalar ? a.Text : null;

    private void Overlay(JsonObject body)
    {
        foreach (var (name, node) in body)
        {
            _values[name] = node switch
            {
                null => new Arg(null, true),
                JsonValue v when v.GetValueKind() == JsonValueKind.String => new Arg(v.GetValue<string>(), true),
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => new Arg(v.GetValue<bool>() ? "true" : "false", true),
                JsonValue v when v.GetValueKind() == JsonValueKind.Number => new Arg(v.ToJsonString(), true),
                _ => new Arg(node.ToJsonString(), false),
            };
        }
    }
}
