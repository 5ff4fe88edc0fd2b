using System.Text;
using System.Text.Json.Nodes;

namespace Tolk.Custompms.Tests.Emulator;

/// <summary>A response read in full: status, headers, media type and body (JSON when it parses).</summary>
public sealed record Reply(int Status, IReadOnlyDictionary<string, string> Headers, string? MediaType, string? Charset, string Text)
{
    public JsonNode? Json => Text.Length == 0 ? null : JsonNode.Parse(Text);

    public JsonObject Body => (JsonObject)Json!;

    public JsonArray Items => (JsonArray)Json!;

    public string? Header(string name) => Headers.GetValueOrDefault(name);
}

/// <summary>Plain HTTP as a client of the real API sends it.</summary>
public static class Http
{
    public static Task<Reply> CallGetAsync(this HttpClient client, string path) => client.CallAsync(HttpMethod.Get, path);

    public static Task<Reply> CallPostAsync(this HttpClient client, string path, JsonNode body, params (string Name, string Value)[] headers) =>
        client.CallAsync(HttpMethod.Post, path, body.ToJsonString(), "application/json", headers);

    public static Task<Reply> CallPutAsync(this HttpClient client, string path, JsonNode body, params (string Name, string Value)[] headers) =>
        client.CallAsync(HttpMethod.Put, path, body.ToJsonString(), "application/json", headers);

    public static Task<Reply> CallDeleteAsync(this HttpClient client, string path) => client.CallAsync(HttpMethod.Delete, path);

    public static async Task<Reply> CallAsync(this HttpClient client, HttpMethod method, string path, string? body = null,
        string? contentType = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await client.SendAsync(request);
        var type = response.Content.Headers.ContentType;
        var all = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Reply((int)response.StatusCode, all, type?.MediaType, type?.CharSet, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Creates a record and returns it, failing the test when the API refuses.</summary>
    public static async Task<JsonObject> CreateAsync(this HttpClient client, string collection, JsonObject body)
    {
        var reply = await client.CallPostAsync(collection, body);
        Assert.True(reply.Status == 201, $"create {collection}: {reply.Status} {reply.Text}");
        return reply.Body;
    }
}

/// <summary>Assertions on Custompms's error bodies.</summary>
public static class ErrorAssert
{
    /// <summary>The exact shape: JSON, exactly error, message and field, with the given code and field.</summary>
    public static JsonObject Is(Reply reply, int status, string error, string? field = null)
    {
        Assert.True(status == reply.Status, $"expected {status}, got {reply.Status}: {reply.Text}");
        Assert.Equal("application/json", reply.MediaType);
        var body = reply.Body;
        Assert.Equal(["error", "message", "field"], body.Select(p => p.Key));
        Assert.Equal(error, (string?)body["error"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["message"]), reply.Text);
        Assert.Equal(field, (string?)body["field"]);
        return body;
    }
}
