using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tolk.Custompms.Emulator.Internal;

/// <summary>A Custompms answer (status, JSON or nothing, headers), written as bytes so bodies are exact.</summary>
internal sealed class ApiResult(int status, byte[]? body, IReadOnlyList<KeyValuePair<string, string>> headers) : IResult
{
    public const string JsonType = "application/json; charset=utf-8";

    /// <summary>UTF-8 written unescaped (<c>Bjørn</c>, not <c>Bj\u00F8rn</c>), as JSON APIs commonly do.</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int Status { get; } = status;

    public byte[]? Body { get; } = body;

    public static ApiResult Json(int status, JsonNode body, params KeyValuePair<string, string>[] headers) =>
        new(status, Serialize(body), headers);

    public static ApiResult Raw(int status, byte[] body) => new(status, body, []);

    public static ApiResult Of(ApiError error, params KeyValuePair<string, string>[] headers) =>
        new(error.Status, Serialize(error.ToJson()), headers);

    public static ApiResult NoContent() => new(204, null, []);

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
            response.ContentType = JsonType;
            response.ContentLength = Body.Length;
            await response.Body.WriteAsync(Body, httpContext.RequestAborted);
        }
    }
}
