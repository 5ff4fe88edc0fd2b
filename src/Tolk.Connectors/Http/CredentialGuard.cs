using System.Net;

namespace Tolk.Connectors.Http;

/// <summary>
/// Remembers that a system rejected its credentials, so one clear error replaces endless retries: after a 401 (that the
/// connector's own token refresh, where it has one, could not cure), every further request fails at once, without a
/// call, until <see cref="Reset"/> (new credentials). Other systems carry on: each has its own guard.
/// </summary>
public sealed class CredentialGuard
{
    private volatile string? _reason;

    /// <summary>Why the credentials were rejected, or null while they are not known to be bad.</summary>
    public string? Rejected => _reason;

    /// <summary>Records the rejection; the message names the system.</summary>
    public void Reject(string system, string detail) => _reason = $"credentials rejected for {system}: {detail}";

    /// <summary>Forgets the rejection (new credentials were configured).</summary>
    public void Reset() => _reason = null;
}

/// <summary>Applies a <see cref="CredentialGuard"/>: short-circuits while rejected; marks it on a 401.</summary>
internal sealed class CredentialHandler(ApiClientOptions options, CredentialGuard guard) : DelegatingHandler
{
    /// <summary>The header a short-circuited response carries, so callers can tell it made no call.</summary>
    public const string ShortCircuitHeader = "X-Tolk-Short-Circuit";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (guard.Rejected is { } reason)
        {
            var refused = new HttpResponseMessage(HttpStatusCode.Unauthorized) { RequestMessage = request, ReasonPhrase = reason };
            refused.Headers.Add(ShortCircuitHeader, "credentials");
            return refused;
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            guard.Reject(options.System, $"{request.Method} {request.RequestUri?.AbsolutePath} answered 401");
        }
        return response;
    }
}
