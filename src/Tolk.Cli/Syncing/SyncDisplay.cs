using Tolk.Engine.Running;

namespace Tolk.Cli.Syncing;

/// <summary>
/// How <c>tolk demo</c>, <c>run</c> and <c>sync</c> show their work: a live table on a terminal, calm plain lines when
/// the output is redirected, JSON lines with <c>--json</c>.
/// </summary>
internal abstract class SyncDisplay
{
    /// <summary>The per-flow figures.</summary>
    protected FlowTable Table { get; } = new();

    /// <summary>The display for this output.</summary>
    public static SyncDisplay Create(bool json) =>
        json ? new JsonSyncDisplay() : Console.IsOutputRedirected ? new PlainSyncDisplay() : new LiveSyncDisplay();

    /// <summary>Runs the initial sync (<paramref name="settle"/>, which reports each cycle) while showing its progress.</summary>
    public abstract Task<SettleResult> SettleAsync(FlowProbe probe, Func<Action<int, CycleReport>, Task<SettleResult>> settle, CancellationToken cancellationToken);

    /// <summary>Says how the initial sync ended.</summary>
    public abstract Task SettledAsync(SettleResult result, FlowProbe probe);

    /// <summary>
    /// Runs continuous syncing (<paramref name="run"/>, which reports each cycle) while showing a live summary, and says
    /// when the sync becomes complete (a person linked what waited) or waits for a person again.
    /// </summary>
    public abstract Task RunAsync(FlowProbe probe, Func<Func<ContinuousCycle, Task>, Task> run, CancellationToken cancellationToken);

    /// <summary>An informational line (plain text).</summary>
    public abstract void Line(string text);

    /// <summary>A notable event (the sandbox started, the sync stopped); with <c>--json</c> an event object.</summary>
    public abstract void Event(string name, string text, object? data = null);
}
