using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tolk.Trello.Internal;

/// <summary>
/// Paces by Trello's own account of its limits. Trello sends no Retry-After; instead every answer carries
/// <c>x-rate-limit-{api-token,api-key,member}-{interval-ms,max,remaining}</c>. The gate starts from the documented limits
/// (100 per 10 s per token, 300 per 10 s per key, 100 per 900 s per token on <c>/1/members/</c>), follows the headers,
/// holds a request back while a window it needs is spent, and gives a 429 the Retry-After Trello leaves out, so the
/// shared retry waits for the window instead of guessing. A wait longer than the configured maximum (the members
/// window is 15 minutes) is answered at once with a local 429 carrying that wait, without a call.
/// It sits innermost, under the shared retry and pacing, so every retry passes it again.
/// </summary>
internal sealed class TrelloRateGate : DelegatingHandler
{
    /// <summary>Set on a 429 the gate answered itself, without calling Trello.</summary>
    public const string LocalHeader = "X-Tolk-Trello-Paced";

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxWait;
    private readonly string _basePath;
    private readonly RateScope _token = new("api-token", 100, TimeSpan.FromSeconds(10));
    private readonly RateScope _key = new("api-key", 300, TimeSpan.FromSeconds(10));
    private readonly RateScope _member = new("member", 100, TimeSpan.FromSeconds(900));

    public TrelloRateGate(TimeProvider time, TimeSpan maxWait, Uri baseUrl)
    {
        _time = time;
        _maxWait = maxWait;
        _basePath = baseUrl.AbsolutePath.EndsWith('/') ? baseUrl.AbsolutePath : baseUrl.AbsolutePath + "/";
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var scopes = ScopesOf(request);
        var tickets = new long[scopes.Length];
        while (true)
        {
            TimeSpan wait;
            RateScope spent;
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                spent = scopes.MaxBy(s => s.WaitAt(now))!;
                wait = spent.WaitAt(now);
                if (wait <= TimeSpan.Zero)
                {
                    for (var i = 0; i < scopes.Length; i++)
                    {
                        tickets[i] = scopes[i].Reserve(now);
                    }
                    break;
                }
            }
            if (wait > _maxWait)
            {
                return LocalRateLimited(request, spent, wait);
            }
            await Task.Delay(wait, _time, cancellationToken);
        }
        var response = await base.SendAsync(request, cancellationToken);
        await ObserveAsync(response, scopes, tickets, cancellationToken);
        return response;
    }

    private async Task ObserveAsync(HttpResponseMessage response, RateScope[] scopes, long[] tickets, CancellationToken ct)
    {
        var refused = response.StatusCode == HttpStatusCode.TooManyRequests ? await RefusedScopeAsync(response, ct) : null;
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            for (var i = 0; i < scopes.Length; i++)
            {
                scopes[i].Answered(tickets[i], now);
                if (Header(response, scopes[i].Name, "max") is { } max && Header(response, scopes[i].Name, "remaining") is { } remaining)
                {
                    var interval = Header(response, scopes[i].Name, "interval-ms") is { } ms ? TimeSpan.FromMilliseconds(ms) : scopes[i].Interval;
                    scopes[i].Observe(tickets[i], now, max, interval, remaining);
                }
            }
            if (refused is null)
            {
                return;
            }
            refused.Exhausted(now);
            if (response.Headers.RetryAfter is null)
            {
                var wait = refused.ResetAt is { } reset && reset > now ? reset - now : TimeSpan.FromMilliseconds(100);
                response.Headers.RetryAfter = new RetryConditionHeaderValue(RoundUp(wait));
            }
        }
    }

    // The scopes a request counts against: always the token's and the key's, and the members window for /1/members/
    // (a batch with a route under /members/ is counted there too, to be safe).
    private RateScope[] ScopesOf(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        var relative = path.StartsWith(_basePath, StringComparison.Ordinal) ? path[_basePath.Length..] : path.TrimStart('/');
        var members = IsMembersRoute(relative)
            || (relative.Equals("batch", StringComparison.OrdinalIgnoreCase) && BatchRoutes(request.RequestUri!).Any(r => IsMembersRoute(r.TrimStart('/'))));
        return members ? [_token, _key, _member] : [_token, _key];
    }

    private static bool IsMembersRoute(string relative) =>
        relative.StartsWith("members/", StringComparison.OrdinalIgnoreCase) || relative.Equals("members", StringComparison.OrdinalIgnoreCase)
        || relative.StartsWith("members?", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> BatchRoutes(Uri uri) =>
        uri.Query.TrimStart('?').Split('&')
            .Where(p => p.StartsWith("urls=", StringComparison.Ordinal))
            .SelectMany(p => Uri.UnescapeDataString(p["urls=".Length..]).Split(','));

    // A 429's JSON body names the limit: API_TOKEN_LIMIT_EXCEEDED, API_KEY_LIMIT_EXCEEDED or MEMBER_LIMIT_EXCEEDED.
    private async Task<RateScope> RefusedScopeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string? code = null;
        try
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            code = JsonNode.Parse(body) is JsonObject o && o["error"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        }
        catch (JsonException)
        {
            // Not Trello's JSON (a proxy's page): count it against the token, the tightest of the windows that always apply.
        }
        return code switch
        {
            "API_KEY_LIMIT_EXCEEDED" => _key,
            "MEMBER_LIMIT_EXCEEDED" => _member,
            _ => _token,
        };
    }

    private static int? Header(HttpResponseMessage response, string scope, string part) =>
        response.Headers.TryGetValues($"x-rate-limit-{scope}-{part}", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static HttpResponseMessage LocalRateLimited(HttpRequestMessage request, RateScope scope, TimeSpan wait)
    {
        var code = scope.Name switch { "api-key" => "API_KEY_LIMIT_EXCEEDED", "member" => "MEMBER_LIMIT_EXCEEDED", _ => "API_TOKEN_LIMIT_EXCEEDED" };
        var body = new JsonObject { ["error"] = code, ["message"] = $"Rate limit exceeded (the {scope.Name} window resets in {RoundUp(wait).TotalSeconds:0} s)" };
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            RequestMessage = request,
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        response.Headers.RetryAfter = new RetryConditionHeaderValue(RoundUp(wait));
        response.Headers.Add(LocalHeader, scope.Name);
        return response;
    }

    // Retry-After carries whole seconds on the wire, but the shared retry reads the TimeSpan: keep milliseconds.
    private static TimeSpan RoundUp(TimeSpan wait) => TimeSpan.FromMilliseconds(Math.Ceiling(Math.Max(1, wait.TotalMilliseconds)));
}
