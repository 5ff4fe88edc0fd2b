using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tolk.Customerp.Emulator.Internal;

/// <summary>A Customerp response: a status, JSON (or problem JSON, or nothing) and headers, written as bytes.</summary>
internal sealed class ApiResult(int status, byte[]? body, string? contentType, IReadOnlyList<KeyValuePair<string, string>> headers) : IResult
{
    /// <summary>UTF-8 out, unescaped (<c>Bjørn</c>, not <c>Bj\u00F8rn</c>), as JSON APIs commonly write it.</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string JsonType = "application/json; charset=utf-8";

    public int Status { get; } = status;

    public byte[]? Body { get; } = body;

    public static ApiResult Json(int status, JsonNode body, params KeyValuePair<string, string>[] headers) =>
        new(status, Serialize(body), JsonType, headers);

    public static ApiResult Replay(StoredResponse stored) =>
        new(stored.Status, stored.Body, JsonType, [new("Location", stored.Location), new("ETag", stored.ETag)]);

    public static ApiResult Of(Problem problem, params KeyValuePair<string, string>[] headers) =>
        new(problem.Status, Serialize(problem.ToJson()), Problem.MediaType, headers);

    public static ApiResult NoContent() => new(204, null, null, []);

    public static byte[] Serialize(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Options);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Status;
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }
        if (Body is not null)
        {
            response.ContentType = contentType;
            response.ContentLength = Body.Length;
            await response.Body.WriteAsync(Body, httpContext.RequestAborted);
        }
    }
}
