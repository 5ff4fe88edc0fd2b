using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.Timeout;
using Tolk.Asana.Internal.Dto;
using Tolk.Connectors.Http;

namespace Tolk.Asana.Internal;

/// <summary>
/// The HTTP calls to Asana, on the shared client (credential guard, retries, pacing) plus batch-aware pacing. Transport
/// failures come back as a response with status 0 rather than as exceptions, so callers can recover lost writes.
/// </summary>
internal sealed class AsanaApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly int _batchSize;

    public AsanaApiClient(AsanaOptions options, TimeProvider time, HttpMessageHandler? network)
    {
        _time = time;
        _batchSize = Math.Clamp(options.BatchSize, 1, 10);
        var perMinute = Math.Max(1, (int)(options.RequestsPerMinute * options.PacingShare));
        var api = new ApiClientOptions
        {
            System = "asana",
            BaseUrl = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/"),
            PacingPermits = perMinute,
            PacingWindow = TimeSpan.FromMinutes(1),
            MaxConcurrency = Math.Max(1, options.MaxConcurrency),
            MaxRetries = options.MaxRetries,
            AttemptTimeout = options.AttemptTimeout,
            Time = time,
        };
        var inner = network ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        _http = ApiHttp.Create(api, Guard, new ActionPacingHandler(perMinute, inner));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.PersonalAccessToken);
    }

    /// <summary>Remembers a rejected token, so one 401 stops every further call to Asana.</summary>
    public CredentialGuard Guard { get; } = new();

    /// <summary>The most actions one batch call carries.</summary>
    public int BatchSize => _batchSize;

    /// <summary>Sends one request; <paramref name="data"/> becomes the <c>{"data": ...}</c> envelope.</summary>
    public async Task<AsanaResponse> SendAsync(HttpMethod method, string pathAndQuery, JsonObject? data, CancellationToken cancellationToken,
        int cost = 1, bool replayable = false)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery.TrimStart('/'));
        if (replayable)
        {
            // The shared retry handler repeats a POST on 5xx and timeouts only when it carries this header; a batch of
            // reads is safe to repeat, and Asana ignores the header.
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }
        if (data is not null)
        {
            request.Content = new StringContent(new JsonObject { ["data"] = data.DeepClone() }.ToJsonString(), Encoding.UTF8, "application/json");
        }
        request.Options.Set(ActionPacingHandler.Cost, cost);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new AsanaResponse((int)response.StatusCode, Parse(text), RetryAfter.From(response, _time.GetUtcNow()));
        }
        catch (HttpRequestException e)
        {
            return new AsanaResponse(0, null, Transport: e.Message);
        }
        catch (TimeoutRejectedException e)
        {
            return new AsanaResponse(0, null, Transport: e.Message);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return new AsanaResponse(0, null, Transport: e.Message);
        }
    }

    /// <summary>
    /// Runs actions, ten to a <c>POST /batch</c> call (one action goes on its own); answers one response per action, in
    /// order. When a batch call itself fails, each of its actions answers with that failure.
    /// </summary>
    public async Task<IReadOnlyList<AsanaResponse>> RunAsync(IReadOnlyList<BatchAction> actions, CancellationToken cancellationToken)
    {
        var results = new List<AsanaResponse>(actions.Count);
        foreach (var chunk in actions.Chunk(_batchSize))
        {
            if (chunk.Length == 1)
            {
                var single = chunk[0];
                var method = new HttpMethod(single.Method.ToUpperInvariant());
                results.Add(await SendAsync(method, single.RelativePath + single.Query(), method == HttpMethod.Get ? null : single.Data, cancellationToken));
                continue;
            }
            var body = new JsonObject { ["actions"] = new JsonArray(chunk.Select(a => (JsonNode)a.ToJson()).ToArray()) };
            var outer = await SendAsync(HttpMethod.Post, "batch", body, cancellationToken, chunk.Length, chunk.All(a => a.Method == "get"));
            if (outer.Ok && outer.Data is JsonArray answers && answers.Count == chunk.Length)
            {
                results.AddRange(answers.Select(a => new AsanaResponse(
                    a?["status_code"] is JsonValue s && s.TryGetValue<int>(out var status) ? status : 0, a?["body"]?.DeepClone())));
            }
            else
            {
                results.AddRange(chunk.Select(_ => outer.Ok ? outer with { Status = 502, Transport = "batch answer did not match its actions" } : outer));
            }
        }
        return results;
    }

    private static JsonNode? Parse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
