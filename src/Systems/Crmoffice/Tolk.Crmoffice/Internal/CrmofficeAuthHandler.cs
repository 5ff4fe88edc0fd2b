using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Tolk.Crmoffice.Internal.Dto;

namespace Tolk.Crmoffice.Internal;

/// <summary>
/// OAuth2 client credentials below the shared pacing and retries, next to the network: it adds the cached bearer
/// token, refreshes it before <c>expires_in</c> runs out, and on a 401 <c>invalid_token</c> fetches a new one and
/// sends the request once more. Only a 401 it could not cure (or a refused client) reaches the shared credential guard,
/// which would otherwise give up on the first expired token.
/// </summary>
internal sealed class CrmofficeAuthHandler(CrmofficeOptions options, TimeProvider time) : DelegatingHandler
{
    /// <summary>Refresh this long before the token's stated expiry, so a request never leaves with a dying token.</summary>
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);
    private const int TokenAttempts = 3;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    /// <summary>Token requests made so far (tests check that an expired token costs exactly one).</summary>
    public int TokensFetched { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (token, refused) = await TokenAsync(stale: null, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !await IsInvalidTokenAsync(response, cancellationToken))
        {
            return response;
        }
        response.Dispose();
        (token, refused) = await TokenAsync(stale: token, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }

    private static async Task<bool> IsInvalidTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Headers.WwwAuthenticate.Any(h => h.Parameter?.Contains("invalid_token", StringComparison.Ordinal) == true))
        {
            return true;
        }
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Contains("\"invalid_token\"", StringComparison.Ordinal);
    }

    // One refresh at a time; a caller whose token was already replaced by another caller's refresh just uses the new one.
    private async Task<(string? Token, HttpResponseMessage? Refused)> TokenAsync(string? stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_token is not null && _token != stale && now < _expires - ExpiryMargin)
            {
                return (_token, null);
            }
            _token = null;
            return await FetchAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    // Token requests change nothing on the server, so they are safe to repeat after a dropped connection or a 5xx.
    private async Task<(string? Token, HttpResponseMessage? Refused)> FetchAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = TokenRequest();
            HttpResponseMessage response;
            try
            {
                TokensFetched++;
                response = await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (attempt < TokenAttempts)
            {
                await Task.Delay(options.BaseBackoff * attempt, time, cancellationToken);
                continue;
            }
            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
                    if (body?.AccessToken is { Length: > 0 } token)
                    {
                        _token = token;
                        _expires = time.GetUtcNow().AddSeconds(body.ExpiresIn ?? 3600);
                        return (token, null);
                    }
                    return (null, Refusal("token endpoint answered without an access_token"));
                }
                if ((int)response.StatusCode >= 500 && attempt < TokenAttempts)
                {
                    await Task.Delay(options.BaseBackoff * attempt, time, cancellationToken);
                    continue;
                }
                var error = await ApiErrors.ReadAsync(response, cancellationToken);
                return (null, Refusal($"token endpoint answered {(int)response.StatusCode} {error?.Error}: {error?.Message}"));
            }
        }
    }

    private HttpRequestMessage TokenRequest() => new(HttpMethod.Post, new Uri(options.BaseUrl, "oauth/token"))
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
        }),
    };

    // A refused client is a credentials problem, whatever status the token endpoint used (400 invalid_client): it is
    // answered as a 401 so the shared guard stops every further call, with the reason in the body for the message.
    private static HttpResponseMessage Refusal(string detail) => new(HttpStatusCode.Unauthorized)
    {
        Content = new StringContent(
            System.Text.Json.JsonSerializer.Serialize(new { error = "invalid_client", message = detail }), Encoding.UTF8, "application/json"),
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }
        base.Dispose(disposing);
    }
}
