using System.Net;
using System.Text.Json.Nodes;

namespace Tolk.Asana.Tests.Emulator;

/// <summary>A response read in full: status, headers, raw text and parsed JSON.</summary>
public sealed record AsanaResponse(HttpStatusCode Status, string Text, JsonNode? Json, Dictionary<string, string> Headers, string? ContentType)
{
    public int Code => (int)Status;

    public JsonNode? Data => Json?["data"];

    public JsonArray DataArray => (JsonArray)Json!["data"]!;

    /// <summary>The first error's message.</summary>
    public string? Message => (string?)Json?["errors"]?[0]?["message"];

    public static async Task<AsanaResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try
        {
            json = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
        }
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new AsanaResponse(response.StatusCode, text, json, headers, response.Content.Headers.ContentType?.ToString());
    }

    /// <summary>Asserts Asana's error shape with exactly this status and message.</summary>
    public AsanaResponse AssertError(int status, string message, bool help = true)
    {
        Assert.Equal(status, Code);
        Assert.Equal("application/json; charset=UTF-8", ContentType);
        var errors = Assert.IsType<JsonArray>(Json?["errors"]);
        var error = Assert.IsType<JsonObject>(Assert.Single(errors));
        Assert.Equal(message, (string?)error["message"]);
        if (help)
        {
            Assert.Equal("For more information on API status codes and how to handle them, read the docs on errors: https://developers.asana.com/docs/errors", (string?)error["help"]);
        }
        else
        {
            Assert.False(error.ContainsKey("help"));
        }
        return this;
    }

    public AsanaResponse AssertOk(int status = 200)
    {
        Assert.True(Code == status, $"expected {status}, got {Code}: {Text}");
        return this;
    }
}
