using Tolk.Cli.Hosting;
using Tolk.Runtime;

namespace Tolk.Cli.Syncing;

/// <summary>The shared course of <c>tolk demo</c>, <c>run</c> and <c>sync</c>: the initial sync, then (unless once) continuous syncing until Ctrl+C.</summary>
internal static class SyncFlow
{
    /// <summary>How many initial cycles to try before saying the sync cannot finish on its own.</summary>
    public const int DefaultMaxCycles = 10;

    /// <summary>Runs the sync; the exit code is 0 when synchronized (or stopped by Ctrl+C while syncing continuously), else 1.</summary>
    public static async Task<int> RunAsync(EngineSession session, SyncDisplay display, SyncRunnerOptions runner, bool once, int maxCycles,
        string resumeHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(display);
        var sync = new SyncSession(session.Engine, session.Store, session.Configuration, runner);
        var probe = new FlowProbe(session.Store, session.Configuration);
        try
        {
            var result = await display.SettleAsync(probe, onCycle => sync.SettleAsync(maxCycles, onCycle, cancellationToken), cancellationToken);
            await display.SettledAsync(result, probe);
            if (once)
            {
                return result.Settled ? ExitCodes.Ok : ExitCodes.Failed;
            }

            display.Event("continuous", "Syncing continuously: edits in any system reach the others within a poll interval. Ctrl+C stops.");
            await display.RunAsync(probe, onCycle => sync.RunContinuouslyAsync(onCycle, cancellationToken), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            display.Event("stopped", $"Stopped during the initial sync; nothing is lost (an insert whose answer did not arrive is looked up before it is made again). {resumeHint}");
            return ExitCodes.Ok;
        }

        display.Event("stopped", $"Stopped. {resumeHint}");
        return ExitCodes.Ok;
    }
}
