using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors.Http;

namespace Tolk.Tidsbanken.Internal;

/// <summary>
/// The HTTP calls, over the shared client (credential guard, retries, pacing): the three headers every request needs,
/// JSON bodies, and answers read into <see cref="ApiReply"/>. Network failures propagate, for the caller to judge.
/// </summary>
internal sealed class TidsbankenApiClient : IDisposable
{
    public const string SystemName = "tidsbanken";
    private const string ApiVersion = "3.0";
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public TidsbankenApiClient(TidsbankenOptions options, TimeProvider time, CredentialGuard guard, HttpMessageHandler? network)
    {
        _time = time;
        _http = ApiHttp.Create(new ApiClientOptions
        {
            System = SystemName,
            BaseUrl = options.BaseUrl,
            PacingPermits = options.PacingPermits,
            PacingWindow = options.PacingWindow,
            MaxRetries = options.MaxRetries,
            Time = time,
        }, guard, network);
        // Secrets live only in these headers, never in a URL, so request paths can be logged and named in messages.
        _http.DefaultRequestHeaders.Add("tb-key", options.TbKey);
        _http.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", options.SubscriptionKey);
        _http.DefaultRequestHeaders.Add("x-api-version", ApiVersion);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public Task<ApiReply> GetAsync(string pathAndQuery, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, pathAndQuery), ct);

    public Task<ApiReply> DeleteAsync(string path, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, path), ct);

    /// <summary>Sends entities as the JSON array inserts and updates take.</summary>
    public Task<ApiReply> SendEntitiesAsync(HttpMethod method, string path, IEnumerable<JsonObject> entities, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(method, path)
        {
            Content = new StringContent(new JsonArray(entities.Select(e => (JsonNode)e).ToArray()).ToJsonString(), Encoding.UTF8, "application/json"),
        }, ct);

    private async Task<ApiReply> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            return new ApiReply(response.StatusCode, Parse(text), text, RetryAfter.From(response, _time.GetUtcNow()),
                response.Headers.Contains("X-Tolk-Short-Circuit"));
        }
    }

    private static JsonNode? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null; // a proxy's HTML error page: the status says enough
        }
    }

    public void Dispose() => _http.Dispose();
}
