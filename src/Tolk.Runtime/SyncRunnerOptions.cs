namespace Tolk.Runtime;

/// <summary>How often the runner reads each system when nothing tells it to.</summary>
public sealed class SyncRunnerOptions
{
    /// <summary>Between reads of a system without webhooks (its changes are found only by reading).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Between reconciliation reads of a system whose webhooks report its changes (deliveries can be lost, Asana's events
    /// are at most once).
    /// </summary>
    public TimeSpan WebhookSystemPollInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Per-system overrides of the interval, by system name.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Intervals { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>The systems whose webhooks are registered (read at <see cref="WebhookSystemPollInterval"/>).</summary>
    public IReadOnlySet<string> WebhookSystems { get; init; } = new HashSet<string>();
}
