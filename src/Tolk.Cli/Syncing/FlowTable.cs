using Spectre.Console;
using Spectre.Console.Rendering;
using Tolk.Engine.Running;

namespace Tolk.Cli.Syncing;

/// <summary>
/// The per-flow table <c>tolk demo</c>, <c>run</c> and <c>sync</c> show: read, matched, inserted and errors come from the
/// hub store as it fills (<see cref="FlowProbe"/>); updated and waiting from the cycles' reports.
/// </summary>
internal sealed class FlowTable
{
    private readonly Dictionary<int, int> _updated = [];
    private readonly Dictionary<int, int> _conflicts = [];
    private readonly Lock _gate = new();
    private Dictionary<int, int> _waiting = [];

    /// <summary>Cycles finished so far.</summary>
    public int Cycles { get; private set; }

    /// <summary>API writes made so far.</summary>
    public int Writes { get; private set; }

    /// <summary>Records updated so far, all flows.</summary>
    public int Updated
    {
        get
        {
            lock (_gate)
            {
                return _updated.Values.Sum();
            }
        }
    }

    /// <summary>Conflicts logged so far, all flows.</summary>
    public int Conflicts
    {
        get
        {
            lock (_gate)
            {
                return _conflicts.Values.Sum();
            }
        }
    }

    /// <summary>Takes in a finished cycle's report.</summary>
    public void Add(CycleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_gate)
        {
            AddLocked(report);
        }
    }

    private void AddLocked(CycleReport report)
    {
        Cycles++;
        Writes += report.Writes;
        foreach (var (number, stats) in report.Flows)
        {
            _updated[number] = _updated.GetValueOrDefault(number) + stats.Updated;
            _conflicts[number] = _conflicts.GetValueOrDefault(number) + stats.Conflicts;
        }

        _waiting = report.Flows.ToDictionary(f => f.Key, f => f.Value.Waiting);
    }

    /// <summary>Updates and waits of one flow.</summary>
    public (int Updated, int Waiting) Of(int flow)
    {
        lock (_gate)
        {
            return (_updated.GetValueOrDefault(flow), _waiting.GetValueOrDefault(flow));
        }
    }

    /// <summary>The table.</summary>
    public Table Render(IReadOnlyList<FlowSnapshot> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var table = new Table().Border(TableBorder.Simple).Expand()
            .AddColumn("#", c => c.RightAligned())
            .AddColumn("Flow")
            .AddColumn("Read", c => c.RightAligned())
            .AddColumn("Matched", c => c.RightAligned())
            .AddColumn("Inserted", c => c.RightAligned())
            .AddColumn("Updated", c => c.RightAligned())
            .AddColumn("Waiting", c => c.RightAligned())
            .AddColumn("Errors", c => c.RightAligned())
            .AddColumn("Linked");
        foreach (var flow in flows)
        {
            var (updated, waiting) = Of(flow.Number);
            table.AddRow(
                new Text($"{flow.Number}"),
                new Text($"{flow.Source} → {flow.Target}"),
                new Text($"{flow.SourceRecords + flow.TargetRecords:N0}"),
                new Text($"{flow.Matched + flow.ByHand:N0}"),
                new Text($"{flow.Inserted:N0}"),
                new Text($"{updated:N0}"),
                waiting > 0 ? new Markup($"[yellow]{waiting:N0}[/]") : new Text("0"),
                flow.Errors > 0 ? new Markup($"[red]{flow.Errors:N0}[/]") : new Text("0"),
                Bar(flow.Linked, flow.SourceRecords));
        }

        return table;
    }

    /// <summary>A text bar: how many of the flow's source records are linked.</summary>
    public static IRenderable Bar(int linked, int of)
    {
        const int width = 10;
        var filled = of == 0 ? 0 : (int)Math.Round(width * (double)Math.Min(linked, of) / of);
        var colour = of > 0 && linked >= of ? "green" : "blue";
        return new Markup($"[{colour}]{new string('━', filled)}[/][grey]{new string('━', width - filled)}[/] {linked:N0}/{of:N0}");
    }
}
