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
        openErrors == 0 ? null : $"{openErrors:N0} record error(s) need a person (an ambiguous match is settled with 'tolk link'): 'tolk errors' lists them.";

    /// <summary>One line for a continuous cycle that changed something, or null for a quiet one.</summary>
    public static string? Cycle(CycleReport report, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        var total = report.Total();
        if (report.Writes == 0 && report.Processed == 0 && total.Errors == 0 && report.Collected.All(c => c.Stopped is null))
        {
            return null;
        }

        var systems = string.Join(", ", report.Collected.Select(c => c.Dataset.System).Distinct());
        var parts = new List<string> { $"{report.Processed:N0} change(s) read" };
        if (total.Inserted > 0)
        {
            parts.Add($"{total.Inserted} inserted");
        }

        if (total.Updated > 0)
        {
            parts.Add($"{total.Updated} updated");
        }

        if (total.Matched > 0)
        {
            parts.Add($"{total.Matched} matched");
        }

        if (total.Conflicts > 0)
        {
            parts.Add($"{total.Conflicts} conflict(s)");
        }

        if (total.Errors > 0)
        {
            parts.Add($"{total.Errors} error(s)");
        }

        var flows = report.Flows.Where(f => f.Value.Inserted + f.Value.Updated > 0).Select(f => f.Key).ToList();
        var where = flows.Count > 0 ? $" (flow {string.Join(", ", flows)})" : "";
        var stopped = report.Collected.Where(c => c.Stopped is not null).Select(c => $"; reading {c.Dataset} stopped: {c.Stopped!.Message}");
        return $"{at.ToLocalTime():HH:mm:ss} {systems} read: {string.Join(", ", parts)}{where}{string.Concat(stopped)}";
    }
}
