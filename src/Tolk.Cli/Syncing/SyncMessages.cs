using Tolk.Cli.Output;
using Tolk.Engine.Running;

namespace Tolk.Cli.Syncing;

/// <summary>The sentences every display says the same way, so that people and tests read one wording.</summary>
internal static class SyncMessages
{
    /// <summary>The phrase that says the initial sync is complete.</summary>
    public const string FullySynchronized = "Fully synchronized";

    /// <summary>The phrase that says the initial sync did all it can until a person links what only a person can.</summary>
    public const string AsFarAsItCan = "Synchronized as far as Tolk can go on its own";

    /// <summary>The line that ends the initial sync.</summary>
    public static string Settled(SettleResult result, IReadOnlyList<FlowSnapshot> flows, FlowTable table)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(table);
        var cycles = result.Cycles == 1 ? "1 cycle" : $"{result.Cycles} cycles";
        var head = result.State switch
        {
            SettleState.FullySynchronized => $"{FullySynchronized} after {cycles} ({Ago.Span(result.Elapsed)})",
            SettleState.WaitingForPerson => $"{AsFarAsItCan} after {cycles} ({Ago.Span(result.Elapsed)})",
            _ => $"Not fully synchronized after {cycles} ({Ago.Span(result.Elapsed)})",
        };
        var links = flows.Sum(f => f.Links);
        var matched = flows.Sum(f => f.Matched + f.ByHand);
        var inserted = flows.Sum(f => f.Inserted);
        return $"{head}: {links:N0} links across {flows.Count} flows ({matched:N0} matched, {inserted:N0} inserted), {table.Updated:N0} records updated, {table.Conflicts:N0} conflict(s) settled by the latest edit.";
    }

    /// <summary>What a person can do about the errors, or null when there are none.</summary>
    public static string? ErrorsHint(int openErrors) =>
        openErrors == 0 ? null : $"{openErrors:N0} record error(s) need a person (an ambiguous match is settled with the dashboard's Link button or 'tolk link'): 'tolk errors' lists them.";

    /// <summary>The line for a continuous cycle that completed the sync, or left it waiting for a person again.</summary>
    public static string Reached(ContinuousCycle cycle, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var time = at.ToLocalTime().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        return cycle.Reached == SettleState.FullySynchronized
            ? $"{time} {FullySynchronized}: nothing is left to write" + (cycle.OpenErrors > 0 ? $"; {cycle.OpenErrors:N0} record error(s) still need a person ('tolk errors')." : ".")
            : $"{time} {AsFarAsItCan}: {cycle.Report.Waiting.Count:N0} write(s) wait for records a person must link (the dashboard's 'Needs a person', or 'tolk link').";
    }

    /// <summary>
    /// One line for a continuous cycle that changed something, e.g. <c>17:36:02 customerp, tidsbanken read: 2 change(s); flow 18: 1 updated</c>;
    /// null for a quiet one.
    /// </summary>
    public static string? Cycle(CycleReport report, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Writes == 0 && report.Processed == 0 && report.Total().Errors == 0 && report.Collected.All(c => c.Stopped is null))
        {
            return null;
        }

        // Where the changes came from (a change another cycle read is processed by whichever cycle holds the engine first).
        var systems = report.ProcessedSystems.Count > 0 ? report.ProcessedSystems : report.Collected.Select(c => c.Dataset.System).Distinct();
        var line = new System.Text.StringBuilder($"{at.ToLocalTime():HH:mm:ss} {string.Join(", ", systems)} read: {report.Processed:N0} change(s)");
        foreach (var (number, stats) in report.Flows)
        {
            var parts = new List<string>();
            Add(parts, stats.Matched, "matched");
            Add(parts, stats.Inserted, "inserted");
            Add(parts, stats.Updated, "updated");
            Add(parts, stats.Deleted, "deleted");
            Add(parts, stats.Unlinked, "unlinked");
            Add(parts, stats.Conflicts, "conflict(s)");
            Add(parts, stats.Errors, "error(s)");
            if (parts.Count > 0)
            {
                line.Append($"; flow {number}: {string.Join(", ", parts)}");
            }
        }

        foreach (var stopped in report.Collected.Where(c => c.Stopped is not null))
        {
            line.Append($"; reading {stopped.Dataset} stopped: {stopped.Stopped!.Message}");
        }

        return line.ToString();
    }

    private static void Add(List<string> parts, int count, string what)
    {
        if (count > 0)
        {
            parts.Add($"{count} {what}");
        }
    }
}
