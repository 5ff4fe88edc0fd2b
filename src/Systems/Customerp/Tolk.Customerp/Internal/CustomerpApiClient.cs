using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors.Http;

namespace Tolk.Customerp.Internal;

/// <summary>
/// The HTTP calls of the Customerp contract, on the shared client from <see cref="ApiHttp.Create"/> (credential guard,
/// retries honouring Retry-After, pacing). It reads every response in full and leaves judging it to the caller;
/// network failures surface as exceptions for the caller to map.
/// </summary>
internal sealed class CustomerpApiClient : IDisposable
{
    private const string MergePatch = "application/merge-patch+json";
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public CustomerpApiClient(CustomerpOptions options, CredentialGuard guard, TimeProvider time, HttpMessageHandler? network)
    {
        _time = time;
        var baseUrl = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
        _http = ApiHttp.Create(new ApiClientOptions
        {
            System = CustomerpConnector.SystemName,
            BaseUrl = baseUrl,
            PacingPermits = Math.Max(1, options.RequestsPerMinute),
            PacingWindow = TimeSpan.FromMinutes(1),
            MaxConcurrency = Math.Max(1, options.MaxConcurrency),
            MaxRetries = options.MaxRetries,
            AttemptTimeout = options.AttemptTimeout,
            Time = time,
        }, guard, network);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiToken);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary><c>GET /{collection}</c> with soft deletes included, ordered by (updated_at, id).</summary>
    public Task<ApiReply> ListAsync(string collection, int limit, string? updatedSince, string? cursor, CancellationToken ct)
    {
        var query = new StringBuilder($"{collection}?limit={limit.ToString(CultureInfo.InvariantCulture)}&include_deleted=true");
        if (updatedSince is not null)
        {
            query.Append("&updated_since=").Append(Uri.EscapeDataString(updatedSince));
        }
        if (cursor is not null)
        {
            query.Append("&cursor=").Append(Uri.EscapeDataString(cursor));
        }
        return SendAsync(new HttpRequestMessage(HttpMethod.Get, query.ToString()), ct);
    }

    public Task<ApiReply> GetAsync(string collection, string id, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{collection}/{Uri.EscapeDataString(id)}?include_deleted=true"), ct);

    public Task<ApiReply> CreateAsync(string collection, JsonObject fields, string idempotencyKey, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, collection) { Content = Json(fields, "application/json") };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return SendAsync(request, ct);
    }

    public Task<ApiReply> PatchAsync(string collection, string id, JsonObject changes, long? ifMatch, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"{collection}/{Uri.EscapeDataString(id)}") { Content = Json(changes, MergePatch) };
        return SendAsync(WithIfMatch(request, ifMatch), ct);
    }

    public Task<ApiReply> DeleteAsync(string collection, string id, long? ifMatch, CancellationToken ct) =>
        SendAsync(WithIfMatch(new HttpRequestMessage(HttpMethod.Delete, $"{collection}/{Uri.EscapeDataString(id)}"), ifMatch), ct);

    public Task<ApiReply> ListWebhooksAsync(CancellationToken ct) => SendAsync(new HttpRequestMessage(HttpMethod.Get, "webhooks"), ct);

    public Task<ApiReply> DeleteWebhookAsync(string id, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"webhooks/{Uri.EscapeDataString(id)}"), ct);

    public Task<ApiReply> RegisterWebhookAsync(Dto.WebhookCreate body, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "webhooks")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Dto.WebhookJson.Default.WebhookCreate))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            },
        }, ct);

    public void Dispose() => _http.Dispose();

    private async Task<ApiReply> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            return new ApiReply(response.StatusCode, ParseJson(bytes), Version(response), RetryAfter.From(response, _time.GetUtcNow()));
        }
    }

    private static JsonNode? ParseJson(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static long? Version(HttpResponseMessage response) =>
        response.Headers.ETag is { IsWeak: false } tag
        && long.TryParse(tag.Tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    private static HttpRequestMessage WithIfMatch(HttpRequestMessage request, long? version)
    {
        if (version is { } v)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v.ToString(CultureInfo.InvariantCulture)}\""));
        }
        return request;
    }

    private static ByteArrayContent Json(JsonObject body, string mediaType) =>
        new(Encoding.UTF8.GetBytes(body.ToJsonString())) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } };
}
