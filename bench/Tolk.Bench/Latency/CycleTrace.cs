using System.Globalization;
using Tolk.Engine.Running;
using Tolk.Runtime;

namespace Tolk.Bench.Latency;

/// <summary>The runner's cycles with their times, so a slow sample can say what ran while it waited.</summary>
internal sealed class CycleTrace
{
    private readonly List<(DateTimeOffset Ended, CycleReport Report)> _cycles = [];

    public CycleTrace(SyncRunner runner) => runner.CycleCompleted += report =>
    {
        lock (_cycles)
        {
            _cycles.Add((DateTimeOffset.UtcNow, report));
        }
    };

    /// <summary>The cycles that overlapped [from, to]: start offset from <paramref name="from"/>, length, systems read, writes.</summary>
    public string Describe(DateTimeOffset from, DateTimeOffset to)
    {
        lock (_cycles)
        {
            var overlapping = _cycles.Where(c => c.Ended >= from && c.Ended - c.Report.Elapsed <= to).Select(c =>
            {
                var started = (c.Ended - c.Report.Elapsed - from).TotalMilliseconds;
                var systems = string.Join("+", c.Report.Collected.Select(r => $"{r.Dataset.System}.{r.Dataset.Datatype}({r.Appended})"));
                return string.Create(CultureInfo.InvariantCulture,
                    $"[{started:F0} ms +{c.Report.Elapsed.TotalMilliseconds:F0} ms read {(systems.Length == 0 ? "nothing" : systems)}, {c.Report.Writes} writes]");
            });
            return string.Join(" ", overlapping);
        }
    }
}
