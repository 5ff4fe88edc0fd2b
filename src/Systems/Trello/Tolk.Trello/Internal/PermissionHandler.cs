using System.Net;

namespace Tolk.Trello.Internal;

/// <summary>
/// Trello answers 401 both for bad credentials (<c>invalid key</c>, <c>invalid token</c>) and for a permission the
/// member lacks (<c>unauthorized action permission requested</c>: someone else's comment). Only the first means the
/// credentials are bad, so the second is turned into 403 here, before the shared credential guard would shut every
/// later call out for what is one record's problem.
/// </summary>
internal sealed class PermissionHandler : DelegatingHandler
{
    /// <summary>Set on a response whose 401 was a permission refusal and is now a 403.</summary>
    public const string TranslatedHeader = "X-Tolk-Trello-Permission";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }
        // ReadAsStringAsync buffers the content, so the caller can still read it.
        var text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        if (!IsCredentialRejection(text))
        {
            response.StatusCode = HttpStatusCode.Forbidden;
            response.Headers.Add(TranslatedHeader, "401");
        }
        return response;
    }

    /// <summary>Whether a 401's text says the key or token itself is bad, rather than that one permission is missing.</summary>
    public static bool IsCredentialRejection(string text) =>
        text.Length == 0
        || text.StartsWith("invalid key", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("invalid token", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("expired token", StringComparison.OrdinalIgnoreCase)
        || text.Equals("unauthorized permission requested", StringComparison.OrdinalIgnoreCase);
}
