namespace Tolk.Trello.Emulator.Internal;

/// <summary>The emulator's switches besides the rate limits, with Trello's own values as defaults.</summary>
internal sealed class TrelloSettings
{
    /// <summary>Retries after a failed delivery (Trello: 3).</summary>
    public int WebhookRetries { get; set; } = 3;

    /// <summary>Wait before the first retry, doubling after (30 s, 60 s, 120 s).</summary>
    public double WebhookRetryBaseSeconds { get; set; } = 30;

    /// <summary>How long one delivery attempt may take.</summary>
    public double WebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>How long the HEAD handshake may take.</summary>
    public double HandshakeTimeoutSeconds { get; set; } = 10;

    /// <summary>Consecutive failed deliveries after which (with <see cref="DisableAfterDays"/>) a webhook is switched off.</summary>
    public int DisableAfterFailures { get; set; } = 1000;

    /// <summary>Days of consecutive failures after which (with <see cref="DisableAfterFailures"/>) a webhook is switched off.</summary>
    public double DisableAfterDays { get; set; } = 30;
}
