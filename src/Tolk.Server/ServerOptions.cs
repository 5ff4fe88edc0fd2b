using System.Net;

namespace Tolk.Server;

/// <summary>How the server listens and reaches the systems that push changes.</summary>
public sealed record ServerOptions
{
    /// <summary>The address to bind: loopback unless configured otherwise.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; init; } = 7100;

    /// <summary>
    /// The URL the systems deliver webhooks to (<c>{PublicUrl}webhooks/{system}</c>), when the server sits behind a
    /// proxy or tunnel; the server's own URL when null.
    /// </summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>Whether to register webhooks with each system that has them at start.</summary>
    public bool RegisterWebhooks { get; init; } = true;

    /// <summary>How often a system whose webhook registration failed is read instead, until registering succeeds.</summary>
    public TimeSpan FallbackPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait before trying a failed webhook registration again.</summary>
    public TimeSpan RegistrationRetryInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Replace the access token with a new one (shown once) instead of keeping the stored one.</summary>
    public bool NewToken { get; init; }

    /// <summary>The largest webhook body accepted.</summary>
    public int MaxWebhookBytes { get; init; } = 1024 * 1024;
}
