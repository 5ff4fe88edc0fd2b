using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors.Http;

namespace Tolk.Custompms.Internal;

/// <summary>
/// The HTTP calls of the Custompms contract, on the shared client from <see cref="ApiHttp.Create"/> (credential guard,
/// retries honouring Retry-After, pacing). It reads every response in full and leaves judging it to the caller;
/// network failures surface as exceptions for the caller to map.
/// </summary>
internal sealed class CustompmsApiClient : IDisposable
{
    private const string ApiKeyHeader = "X-Api-Key";
    private const string IdempotencyHeader = "Idempotency-Key";
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public CustompmsApiClient(CustompmsOptions options, CredentialGuard guard, TimeProvider time, HttpMessageHandler? network)
    {
        _time = time;
        var baseUrl = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
        _http = ApiHttp.Create(new ApiClientOptions
        {
            System = CustompmsConnector.SystemName,
            BaseUrl = baseUrl,
            PacingPermits = Math.Max(1, options.PacingPermits),
            PacingWindow = options.PacingWindow,
            MaxConcurrency = Math.Max(1, options.MaxConcurrency),
            MaxRetries = options.MaxRetries,
            AttemptTimeout = options.AttemptTimeout,
            Time = time,
        }, guard, network);
        _http.DefaultRequestHeaders.Add(ApiKeyHeader, options.ApiKey);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary><c>GET /{collection}?page&amp;perPage[&amp;modifiedSince]</c>, ordered by (modifiedAt, id).</summary>
    public Task<ApiReply> ListAsync(string collection, int page, int perPage, string? modifiedSince, CancellationToken ct)
    {
        var query = new StringBuilder(collection)
            .Append("?page=").Append(page.ToString(CultureInfo.InvariantCulture))
            .Append("&perPage=").Append(perPage.ToString(CultureInfo.InvariantCulture));
        if (modifiedSince is not null)
        {
            query.Append("&modifiedSince=").Append(Uri.EscapeDataString(modifiedSince));
        }
        return SendAsync(new HttpRequestMessage(HttpMethod.Get, query.ToString()), ct);
    }

    /// <summary><c>GET /changes?since&amp;limit</c>; without <paramref name="since"/>, the current head (<c>lastSeq</c>).</summary>
    public Task<ApiReply> ChangesAsync(long? since, int limit, CancellationToken ct)
    {
        var query = since is { } s
            ? $"changes?since={s.ToString(CultureInfo.InvariantCulture)}&limit={limit.ToString(CultureInfo.InvariantCulture)}"
            : "changes";
        return SendAsync(new HttpRequestMessage(HttpMethod.Get, query), ct);
    }

    public Task<ApiReply> GetAsync(string collection, string id, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Path(collection, id)), ct);

    public Task<ApiReply> CreateAsync(string collection, JsonObject fields, string idempotencyKey, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, collection) { Content = Json(fields) };
        request.Headers.Add(IdempotencyHeader, idempotencyKey);
        return SendAsync(request, ct);
    }

    public Task<ApiReply> ReplaceAsync(string collection, string id, JsonObject record, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, Path(collection, id)) { Content = Json(record) }, ct);

    public Task<ApiReply> DeleteAsync(string collection, string id, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, Path(collection, id)), ct);

    public void Dispose() => _http.Dispose();

    private async Task<ApiReply> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            return new ApiReply(response.StatusCode, ParseJson(bytes), HasNextLink(response), RetryAfter.From(response, _time.GetUtcNow()));
        }
    }

    private static string Path(string collection, string id) => $"{collection}/{Uri.EscapeDataString(id)}";

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

    /// <summary>Whether a <c>Link</c> header has an entry with <c>rel="next"</c> (RFC 8288; several may be comma-joined).</summary>
    private static bool HasNextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values)
        && values.SelectMany(v => v.Split(',')).Any(link => link.Split(';').Skip(1)
            .Select(p => p.Trim().Replace(" ", "", StringComparison.Ordinal))
            .Any(p => p.Equals("rel=\"next\"", StringComparison.OrdinalIgnoreCase) || p.Equals("rel=next", StringComparison.OrdinalIgnoreCase)));

    private static ByteArrayContent Json(JsonObject body) =>
        new(Encoding.UTF8.GetBytes(body.ToJsonString())) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
}
