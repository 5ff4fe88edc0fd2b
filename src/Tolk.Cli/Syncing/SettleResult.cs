using Tolk.Engine.Running;

namespace Tolk.Cli.Syncing;

/// <summary>Where the initial sync ended.</summary>
internal enum SettleState
{
    /// <summary>A cycle made no write and left nothing waiting: every linked record says what its golden record says.</summary>
    FullySynchronized,

    /// <summary>
    /// Nothing more happens without a person: cycles make no writes, and the writes still waiting need records that
    /// only a person can link (an ambiguous match blocks the insert they reference).
    /// </summary>
    WaitingForPerson,

    /// <summary>Writes still happen, a system failed, or an insert's outcome is unknown.</summary>
    NotSynchronized,
}

/// <summary>The rules that say where a cycle leaves the sync, for the initial sync and every cycle after it alike.</summary>
internal static class SettleRules
{
    /// <summary>
    /// Where <paramref name="last"/> leaves the sync: fully synchronized when it made no write, left nothing waiting and
    /// nothing failed; waiting for a person when, besides, the same writes waited a quiet cycle ago and records need a
    /// person; not synchronized otherwise.
    /// </summary>
    public static SettleState Judge(CycleReport last, CycleReport? previous, int pendingInserts, int openErrors)
    {
        ArgumentNullException.ThrowIfNull(last);
        var quiet = last.Writes == 0 && pendingInserts == 0 && last.Collected.All(c => c.Stopped is null) && last.BlockedSystems.Count == 0;
        if (quiet && last.Waiting.Count == 0)
        {
            return SettleState.FullySynchronized;
        }

        return quiet && previous is { Writes: 0 } && previous.Waiting.Count == last.Waiting.Count && openErrors > 0
            ? SettleState.WaitingForPerson
            : SettleState.NotSynchronized;
    }
}

/// <summary>A cycle of continuous syncing, and the state it reached when that changed since it was last said.</summary>
/// <param name="Report">The cycle's report.</param>
/// <param name="Reached">Fully synchronized or waiting for a person, when the sync got there with this cycle; else null.</param>
/// <param name="OpenErrors">Records in quarantine after it (counted when it reached a state).</param>
internal sealed record ContinuousCycle(CycleReport Report, SettleState? Reached, int OpenErrors);

/// <summary>How the initial sync ended.</summary>
/// <param name="State">Where it ended.</param>
/// <param name="Cycles">Cycles run.</param>
/// <param name="Total">The figures of all cycles, per flow.</param>
/// <param name="Last">The last cycle's report (what still waits, which systems failed).</param>
/// <param name="PendingInserts">Inserts whose outcome is not known yet.</param>
/// <param name="OpenErrors">Records in quarantine.</param>
/// <param name="Elapsed">How long it took.</param>
internal sealed record SettleResult(SettleState State, int Cycles, CycleReport Total, CycleReport Last, int PendingInserts, int OpenErrors, TimeSpan Elapsed)
{
    /// <summary>Whether Tolk did all it can on its own (the exit code of --once is 0).</summary>
    public bool Settled => State != SettleState.NotSynchronized;

    /// <summary>What still stands in the way, one reason a line; empty when fully synchronized.</summary>
    public IReadOnlyList<string> Reasons()
    {
        var reasons = new List<string>();
        foreach (var stopped in Last.Collected.Where(c => c.Stopped is not null))
        {
            reasons.Add($"reading {stopped.Dataset} stopped: {stopped.Stopped!.Message}");
        }

        reasons.AddRange(Last.BlockedSystems.Select(s => $"{s}: credentials rejected, its reads and writes stopped"));
        if (Last.Waiting.Count > 0)
        {
            var example = Last.Waiting[0];
            reasons.Add(State == SettleState.WaitingForPerson
                ? $"{Last.Waiting.Count} write(s) wait for records a person must link first, e.g. {example.Target} {example.Property}: {example.Reason}"
                : $"{Last.Waiting.Count} write(s) wait for a referenced record to be linked, e.g. {example.Target} {example.Property}: {example.Reason}");
        }

        if (PendingInserts > 0)
        {
            reasons.Add($"{PendingInserts} insert(s) whose outcome is not known yet");
        }

        if (Last.Writes > 0)
        {
            reasons.Add($"the last cycle still made {Last.Writes} write(s)");
        }

        return reasons;
    }
}
