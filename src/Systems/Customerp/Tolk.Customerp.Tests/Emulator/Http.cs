using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Tolk.Customerp.Tests.Emulator;

/// <summary>A response read in full: status, headers, media type and body (JSON when it parses).</summary>
public sealed record Reply(int Status, HttpResponseHeaders Headers, string? MediaType, string Text)
{
    public JsonNode? Json => Text.Length == 0 ? null : JsonNode.Parse(Text);

    public JsonObject Body => (JsonObject)Json!;

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public JsonArray Items => (JsonArray)Body["items"]!;
}

/// <summary>Plain HTTP as a client of the real API sends it.</summary>
public static class Http
{
    public static Task<Reply> CallGetAsync(this HttpClient client, string path) => client.CallAsync(HttpMethod.Get, path);

    public static Task<Reply> CallPostAsync(this HttpClient client, string path, JsonNode body, params (string Name, string Value)[] headers) =>
        client.CallAsync(HttpMethod.Post, path, body.ToJsonString(), "application/json", headers);

    public static Task<Reply> CallPatchAsync(this HttpClient client, string path, JsonNode body, params (string Name, string Value)[] headers) =>
        client.CallAsync(HttpMethod.Patch, path, body.ToJsonString(), "application/merge-patch+json", headers);

    public static Task<Reply> CallDeleteAsync(this HttpClient client, string path, params (string Name, string Value)[] headers) =>
        client.CallAsync(HttpMethod.Delete, path, null, null, headers);

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
        return new Reply((int)response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Assertions on Customerp's problem+json error bodies.</summary>
public static class ProblemAssert
{
    /// <summary>The exact RFC 7807 shape: media type, exactly five members, the status, and the named fields in errors.</summary>
    public static JsonObject Is(Reply reply, int status, params string[] fields)
    {
        Assert.True(status == reply.Status, $"expected {status}, got {reply.Status}: {reply.Text}");
        Assert.Equal("application/problem+json", reply.MediaType);
        var problem = reply.Body;
        Assert.Equal(["type", "title", "status", "detail", "errors"], problem.Select(p => p.Key));
        Assert.Equal(status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        Assert.StartsWith("https://customerp.example/problems/", (string)problem["type"]!, StringComparison.Ordinal);
        var errors = (JsonObject)problem["errors"]!;
        foreach (var field in fields)
        {
            Assert.True(errors.ContainsKey(field), $"errors has no '{field}': {problem.ToJsonString()}");
            Assert.NotEmpty(errors[field]!.AsArray());
        }
        if (fields.Length > 0)
        {
            Assert.Equal(fields.Order(StringComparer.Ordinal), errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        }
        return problem;
    }
}
