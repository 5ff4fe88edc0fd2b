using Tolk.Connectors;

namespace Tolk.Engine.Running;

/// <summary>A write that waits for a referenced record to be linked.</summary>
/// <param name="ClusterId">The cluster whose member (or insert) waits.</param>
/// <param name="Target">Where the write would go (<c>system.datatype[:role]</c>).</param>
/// <param name="Property">The reference property.</param>
/// <param name="Reason">What it waits for.</param>
public sealed record WaitingWrite(long ClusterId, string Target, string Property, string Reason);

/// <summary>What one sync cycle did.</summary>
public sealed class CycleReport
{
    /// <summary>Per flow number.</summary>
    public SortedDictionary<int, FlowStats> Flows { get; } = [];

    /// <summary>What each collection read.</summary>
    public List<CollectResult> Collected { get; } = [];

    /// <summary>Writes that wait for references.</summary>
    public List<WaitingWrite> Waiting { get; } = [];

    /// <summary>Systems whose credentials were rejected (their reads and writes stopped; the others went on).</summary>
    public SortedSet<string> BlockedSystems { get; } = new(StringComparer.Ordinal);

    /// <summary>API writes made (creates, updates, deletes).</summary>
    public int Writes { get; set; }

    /// <summary>Log versions processed.</summary>
    public int Processed { get; set; }

    /// <summary>
    /// The systems whose versions it processed. Cycles read side by side, so a change one cycle read may be processed by
    /// another: this, not <see cref="Collected"/>, says where a cycle's changes came from.
    /// </summary>
    public SortedSet<string> ProcessedSystems { get; } = new(StringComparer.Ordinal);

    /// <summary>How long the cycle took.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>The figures of one flow, created on first use.</summary>
    public FlowStats Flow(int number)
    {
        if (!Flows.TryGetValue(number, out var stats))
        {
            Flows[number] = stats = new FlowStats();
        }

        return stats;
    }

    /// <summary>
    /// Adds another report's figures (per flow, writes, versions processed, time) to this one; its collections, waits
    /// and blocked systems are the caller's to keep or not, since a long-running total must not grow with every cycle.
    /// </summary>
    public void AddFigures(CycleReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (number, stats) in other.Flows)
        {
            Flow(number).Add(stats);
        }

        Writes += other.Writes;
        Processed += other.Processed;
        Elapsed += other.Elapsed;
    }

    /// <summary>The sum over all flows.</summary>
    public FlowStats Total()
    {
        var total = new FlowStats();
        foreach (var stats in Flows.Values)
        {
            total.Add(stats);
        }

        return total;
    }
}
