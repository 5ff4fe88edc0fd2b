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

    /// <summary>
    /// The table, as wide as the console allows: every column with a bar from 150 columns, short headings without the
    /// bar from 110, and on a narrow terminal only what tells whether a flow is done (linked, waiting, errors).
    /// </summary>
    public Table Render(IReadOnlyList<FlowSnapshot> flows, int? width = null)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var room = width ?? AnsiConsole.Profile.Width;
        var wide = room >= 150;
        var narrow = room < 110;
        var table = new Table().Border(TableBorder.Simple).AddColumn("#", c => c.RightAligned()).AddColumn("Flow", c => c.NoWrap());
        if (!narrow)
        {
            table.AddColumn("Read", c => c.RightAligned())
                .AddColumn(wide ? "Matched" : "Match", c => c.RightAligned())
                .AddColumn(wide ? "Inserted" : "Ins", c => c.RightAligned())
                .AddColumn(wide ? "Updated" : "Upd", c => c.RightAligned());
        }

        table.AddColumn(wide ? "Waiting" : "Wait", c => c.RightAligned()).AddColumn(wide ? "Errors" : "Err", c => c.RightAligned()).AddColumn("Linked", c => c.NoWrap());
        foreach (var flow in flows)
        {
            var (updated, waiting) = Of(flow.Number);
            var cells = new List<IRenderable> { new Text($"{flow.Number}"), new Text($"{flow.Source} → {flow.Target}") };
            if (!narrow)
            {
                cells.Add(new Text($"{flow.SourceRecords + flow.TargetRecords:N0}"));
                cells.Add(new Text($"{flow.Matched + flow.ByHand:N0}"));
                cells.Add(new Text($"{flow.Inserted:N0}"));
                cells.Add(new Text($"{updated:N0}"));
            }

            cells.Add(waiting > 0 ? new Markup($"[yellow]{waiting:N0}[/]") : new Text("0"));
            cells.Add(flow.Errors > 0 ? new Markup($"[red]{flow.Errors:N0}[/]") : new Text("0"));
            cells.Add(wide ? Bar(flow.Linked, flow.SourceRecords) : new Text($"{flow.Linked:N0}/{flow.SourceRecords:N0}"));
            table.AddRow(cells);
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
