using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Polly.Timeout;
using Tolk.Connectors;
using Tolk.Connectors.Http;
using Tolk.Crmoffice.Internal.Dto;

namespace Tolk.Crmoffice.Internal;

/// <summary>A call's value, or the failure it ended in.</summary>
internal sealed record ApiResult<T>(T? Value, Failure? Failure)
{
    public static ApiResult<T> Ok(T value) => new(value, null);

    public static ApiResult<T> Fail(Failure failure) => new(default, failure);
}

/// <summary>
/// The Crmoffice HTTP calls, over the shared client (credential guard, retries, pacing) with the OAuth handler next to
/// the network. Reads and idempotent writes come back as values; a create whose connection dropped throws, so the
/// connector can recover it by lookup rather than post again.
/// </summary>
internal sealed class CrmofficeApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public CrmofficeApiClient(CrmofficeOptions options, TimeProvider time, CredentialGuard guard, HttpMessageHandler? network)
    {
        _time = time;
        Guard = guard;
        Auth = new CrmofficeAuthHandler(options, time)
        {
            InnerHandler = network ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        var baseUrl = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
        _http = ApiHttp.Create(new ApiClientOptions
        {
            System = "crmoffice",
            BaseUrl = baseUrl,
            // The documented 10 requests/s, paced a little under it in one-second windows.
            PacingPermits = Math.Max(1, options.RequestsPerSecond),
            PacingWindow = TimeSpan.FromSeconds(1),
            MaxConcurrency = Math.Max(1, options.RequestsPerSecond),
            MaxRetries = options.MaxRetries,
            BaseBackoff = options.BaseBackoff,
            AttemptTimeout = options.AttemptTimeout,
            Time = time,
        }, guard, Auth);
    }

    public CredentialGuard Guard { get; }

    public CrmofficeAuthHandler Auth { get; }

    public Task<ApiResult<ListPage>> ListAsync(string collection, int offset, int limit, DateTimeOffset? updatedAfter, CancellationToken ct)
    {
        var query = $"{collection}?limit={limit}&offset={offset}";
        if (updatedAfter is { } after)
        {
            query += "&updatedAfter=" + Uri.EscapeDataString(CrmTimestamps.Format(after));
        }
        return SendAsync<ListPage>(() => new HttpRequestMessage(HttpMethod.Get, query), ct);
    }

    public Task<ApiResult<JsonObject>> GetAsync(string collection, string id, CancellationToken ct) =>
        SendAsync<JsonObject>(() => new HttpRequestMessage(HttpMethod.Get, Path(collection, id)), ct);

    /// <summary>Posts a new record; throws <see cref="HttpRequestException"/> or a timeout when the answer was lost.</summary>
    public async Task<ApiResult<JsonObject>> CreateAsync(string collection, JsonObject body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, collection) { Content = JsonContent.Create(body) };
        using var response = await _http.SendAsync(request, ct);
        return await ReadAsync<JsonObject>(response, ct);
    }

    public Task<ApiResult<JsonObject>> UpdateAsync(string collection, string id, JsonObject changes, CancellationToken ct) =>
        SendAsync<JsonObject>(() => new HttpRequestMessage(HttpMethod.Put, Path(collection, id)) { Content = JsonContent.Create(changes) }, ct);

    public Task<ApiResult<bool>> DeleteAsync(string collection, string id, CancellationToken ct) =>
        SendAsync<bool>(() => new HttpRequestMessage(HttpMethod.Delete, Path(collection, id)), ct);

    public Task<ApiResult<JsonObject>> RegisterWebhookAsync(WebhookRegistration registration, CancellationToken ct) =>
        SendAsync<JsonObject>(() => new HttpRequestMessage(HttpMethod.Post, "webhooks") { Content = JsonContent.Create(registration) }, ct);

    private async Task<ApiResult<T>> SendAsync<T>(Func<HttpRequestMessage> build, CancellationToken ct)
    {
        try
        {
            using var request = build();
            using var response = await _http.SendAsync(request, ct);
            return await ReadAsync<T>(response, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or System.Text.Json.JsonException && !ct.IsCancellationRequested)
        {
            return ApiResult<T>.Fail(new Failure(FailureKind.Unavailable, $"crmoffice unreachable: {e.Message}"));
        }
    }

    private async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            return ApiResult<T>.Fail(await ApiErrors.ToFailureAsync(response, Guard, _time, ct));
        }
        if (typeof(T) == typeof(bool))
        {
            return ApiResult<T>.Ok((T)(object)true);
        }
        var value = await response.Content.ReadFromJsonAsync<T>(ct);
        return value is null
            ? ApiResult<T>.Fail(new Failure(FailureKind.Unavailable, $"crmoffice answered {(int)response.StatusCode} with an empty body"))
            : ApiResult<T>.Ok(value);
    }

    private static string Path(string collection, string id) => $"{collection}/{Uri.EscapeDataString(id)}";

    public void Dispose() => _http.Dispose();
}
