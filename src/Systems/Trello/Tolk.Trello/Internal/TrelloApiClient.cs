using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors.Http;

namespace Tolk.Trello.Internal;

/// <summary>
/// The HTTP calls of Trello's REST API on the shared client from <see cref="ApiHttp.Create"/> (credential guard,
/// retries, pacing from the documented limits), with Trello's own handlers innermost: header-driven pacing and the
/// 401-that-is-a-permission translation. Credentials go in the OAuth Authorization header, so no URL (and no log
/// line built from one) ever holds them. Every response is read in full; judging it is the caller's business, and
/// network failures surface as exceptions for the caller to map.
/// </summary>
internal sealed class TrelloApiClient : IDisposable
{
    /// <summary>Trello's limit on the routes of one <c>GET /batch</c>.</summary>
    public const int MaxBatch = 10;

    // Trello takes write fields as query parameters; a query longer than this (a long comment) goes as a JSON body
    // instead, which Trello also accepts, because servers and proxies cap request lines at a few kilobytes.
    private const int MaxQueryLength = 2000;

    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public TrelloApiClient(TrelloOptions options, TimeProvider time, HttpMessageHandler? network)
    {
        _time = time;
        var baseUrl = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
        var trello = new TrelloRateGate(time, options.MaxRateLimitWait, baseUrl)
        {
            InnerHandler = new PermissionHandler
            {
                InnerHandler = network ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            },
        };
        _http = ApiHttp.Create(new ApiClientOptions
        {
            System = TrelloConnector.SystemName,
            BaseUrl = baseUrl,
            PacingPermits = Math.Max(1, options.RequestsPer10Seconds),
            PacingWindow = TimeSpan.FromSeconds(10),
            MaxConcurrency = Math.Max(1, options.MaxConcurrency),
            MaxRetries = options.MaxRetries,
            AttemptTimeout = options.AttemptTimeout,
            Time = time,
        }, Guard, trello);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("OAuth",
            $"oauth_consumer_key=\"{Uri.EscapeDataString(options.ApiKey)}\", oauth_token=\"{Uri.EscapeDataString(options.ApiToken)}\"");
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>Remembers a rejected key or token so later calls fail at once.</summary>
    public CredentialGuard Guard { get; } = new();

    /// <summary>A path with its query: <c>members/me/boards?filter=open&amp;fields=name</c>, every value escaped.</summary>
    public static string Path(string path, params (string Name, string Value)[] query) =>
        query.Length == 0 ? path : path + "?" + string.Join('&', query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}"));

    public Task<TrelloReply> GetAsync(string pathAndQuery, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, pathAndQuery), ct);

    /// <summary>A create, update or delete with its fields as query parameters (Trello's style), or as JSON when they are long.</summary>
    public Task<TrelloReply> WriteAsync(HttpMethod method, string path, IReadOnlyList<(string Name, string Value)> fields, CancellationToken ct)
    {
        var query = Path(path, [.. fields]);
        if (query.Length - path.Length <= MaxQueryLength)
        {
            return SendAsync(new HttpRequestMessage(method, query), ct);
        }
        var body = new JsonObject();
        foreach (var (name, value) in fields)
        {
            body[name] = value;
        }
        return SendAsync(new HttpRequestMessage(method, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        }, ct);
    }

    /// <summary>
    /// Up to <see cref="MaxBatch"/> GET routes in one call (<c>GET /batch?urls=/a,/b</c>, routes without the <c>/1</c>
    /// prefix). Items is null when the call itself failed or its answer is not a batch answer; see Reply then.
    /// </summary>
    public async Task<BatchReply> BatchAsync(IReadOnlyList<string> routes, CancellationToken ct)
    {
        if (routes.Count is 0 or > MaxBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(routes), routes.Count, $"a Trello batch holds 1 to {MaxBatch} routes");
        }
        // A comma separates routes, so one inside a route (a list of fields) travels escaped.
        var urls = string.Join(',', routes.Select(r => "/" + r.TrimStart('/').Replace(",", "%2C", StringComparison.Ordinal)));
        var reply = await GetAsync(Path("batch", ("urls", urls)), ct);
        return new BatchReply(reply.Succeeded ? BatchItems(reply.Array, routes.Count) : null, reply);
    }

    public void Dispose() => _http.Dispose();

    // Each item is {"<status>": <JSON or text>}.
    private static List<TrelloReply>? BatchItems(JsonArray? items, int expected)
    {
        if (items is null || items.Count != expected)
        {
            return null;
        }
        var result = new List<TrelloReply>(items.Count);
        foreach (var item in items)
        {
            if (item is not JsonObject { Count: 1 } o
                || !int.TryParse(o.First().Key, NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 100 or > 599)
            {
                return null;
            }
            var value = o.First().Value;
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            result.Add(new TrelloReply((HttpStatusCode)status, text is null ? value?.DeepClone() : null, text));
        }
        return result;
    }

    private async Task<TrelloReply> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var json = ParseJson(body, response.Content.Headers.ContentType?.MediaType);
            return new TrelloReply(response.StatusCode, json, json is null && body.Length > 0 ? body : null,
                RetryAfter.From(response, _time.GetUtcNow()));
        }
    }

    private static JsonNode? ParseJson(string body, string? mediaType)
    {
        if (body.Length == 0 || mediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == false)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
