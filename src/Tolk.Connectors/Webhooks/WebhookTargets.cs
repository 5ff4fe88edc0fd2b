namespace Tolk.Connectors.Webhooks;

/// <summary>Telling an earlier run's webhook registrations from this run's and from everyone else's.</summary>
public static class WebhookTargets
{
    /// <summary>
    /// Whether <paramref name="registered"/> is where an earlier run of this Tolk had the system deliver: the same scheme,
    /// host and path as <paramref name="callbackUrl"/> on another port (the server started on another port, as a demo
    /// with <c>--server-port 0</c> does). Nothing answers there any more, so a registration with it only fails and
    /// retries; it is deleted when the webhooks are registered. A target on another host or path is someone else's.
    /// </summary>
    public static bool IsEarlierCallback(string? registered, Uri callbackUrl)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        return Uri.TryCreate(registered, UriKind.Absolute, out var target)
            && string.Equals(target.Scheme, callbackUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(target.Host, callbackUrl.Host, StringComparison.OrdinalIgnoreCase)
            && string.Equals(target.AbsolutePath, callbackUrl.AbsolutePath, StringComparison.Ordinal)
            && target.Port != callbackUrl.Port;
    }
}
