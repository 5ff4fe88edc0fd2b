using System.Diagnostics;
using Tolk.Engine;
using Tolk.Hub.Store;

namespace Tolk.Bench.Engine;

/// <summary>
/// Cycles after single edits: their median time; the median of what is left of a cycle when the slowest system's reads
/// (systems are read in parallel) are taken out; and the slowest reads of the slowest cycle.
/// </summary>
internal sealed record SingleEditFigures(TimeSpan Median, TimeSpan MedianBesideSlowestSystem, int Arrived, int Edits, string SlowestReads);

/// <summary>The cycle after a batch of edits, counted through the emulators' call logs, and the cycle after it.</summary>
internal sealed record BatchFigures(int Edits, int Arrived, int RecordsWritten, int Writes, int Reads, int EchoWrites, TimeSpan Took)
{
    public double WritesPerRecord => RecordsWritten == 0 ? double.NaN : (double)Writes / RecordsWritten;

    public double ReadsPerChange => RecordsWritten == 0 ? double.NaN : (double)Reads / RecordsWritten;
}

/// <summary>
/// Incremental cycles after person edits in Customerp. A cycle either reads only the edited dataset, as the sync runner
/// does when a webhook names it, or polls all the datasets of the 20 flows.
/// </summary>
internal sealed class IncrementalCycles(SyncEngine engine, BenchFleet fleet, EditProbe probe, IReadOnlyCollection<TimedConnector> connectors)
{
    private const int WarmUp = 10;

    public async Task<SingleEditFigures> SingleEditsAsync(int count, bool polled)
    {
        var times = new List<TimeSpan>();
        var besides = new List<TimeSpan>();
        var arrived = 0;
        var slowest = "";
        // Edits and cycles first, unmeasured, so that the code they run is compiled to its final tier before the clock runs.
        for (var i = 0; i < WarmUp; i++)
        {
            var edit = await probe.EditAsync(i);
            await (polled ? engine.RunCycleAsync() : engine.RunCycleAsync([new Dataset("customerp", edit.Kind.Datatype)]));
        }

        for (var i = 0; i < count; i++)
        {
            var edit = await probe.EditAsync(i);
            await fleet.ClearCallsAsync();
            foreach (var connector in connectors)
            {
                connector.Reset();
            }

            var clock = Stopwatch.StartNew();
            var report = polled ? await engine.RunCycleAsync() : await engine.RunCycleAsync([new Dataset("customerp", edit.Kind.Datatype)]);
            var took = clock.Elapsed;
            times.Add(took);
            var calls = await fleet.CallsAsync();
            arrived += (await probe.NotArrivedAsync([edit])).Count == 0 ? 1 : 0;
            var reading = connectors.SelectMany(c => c.Reading.Select(r => (Name: $"{c.System}.{r.Key}", Time: r.Value))).OrderByDescending(r => r.Time).ToList();
            var slowestSystem = connectors.Select(c => c.Reading.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b)).DefaultIfEmpty().Max();
            besides.Add(took - slowestSystem);
            if (took == times.Max())
            {
                slowest = string.Join(", ", reading.Take(3).Select(r => $"{r.Name} {r.Time.TotalMilliseconds:N0} ms"));
            }

            Console.WriteLine($"    edit {i + 1}, customerp {edit.Kind.Datatype}.{edit.Kind.Field} → {edit.Kind.TargetSystem} {edit.Kind.TargetDatatype}: " +
                              $"{took.TotalMilliseconds:N0} ms ({(took - slowestSystem).TotalMilliseconds:N0} ms beside the slowest system's reads), " +
                              $"{report.Processed} versions processed, {calls.Writes} API writes, {calls.Reads} reads ({calls.PerSystem()})");
        }

        var figures = new SingleEditFigures(Median(times), Median(besides), arrived, count, slowest);
        Console.WriteLine($"  cycle after a single edit, {(polled ? "polling all datasets" : "reading the edited dataset (as a webhook triggers it)")}: " +
                          $"median {figures.Median.TotalMilliseconds:N0} ms of {count} ({figures.MedianBesideSlowestSystem.TotalMilliseconds:N0} ms beside the " +
                          $"slowest system's reads), {arrived} arrived; slowest reads: {slowest}");
        return figures;
    }

    public async Task<BatchFigures> BatchAsync(int count)
    {
        // Each record at most once, so that every edit needs its own write.
        var budget = Enumerable.Range(0, 3).Select(probe.Capacity).ToArray();
        var edits = new List<EditProbe.Edit>();
        for (var i = 0; edits.Count < count && budget.Any(b => b > 0); i++)
        {
            if (budget[i % 3] > 0)
            {
                budget[i % 3]--;
                edits.Add(await probe.EditAsync(i));
            }
        }

        // Records the cycle changed anywhere, against a snapshot taken after the person's edits.
        var before = await fleet.SnapshotAsync();
        await fleet.ClearCallsAsync();
        var clock = Stopwatch.StartNew();
        await engine.RunCycleAsync();
        var took = clock.Elapsed;
        var calls = await fleet.CallsAsync();
        var changed = BenchFleet.Changed(before, await fleet.SnapshotAsync());
        var echo = await engine.RunCycleAsync();
        var arrived = edits.Count - (await probe.NotArrivedAsync(edits)).Count;
        var batch = new BatchFigures(edits.Count, arrived, changed, calls.Writes, calls.Reads, echo.Writes, took);
        Console.WriteLine($"  batch of {batch.Edits} edits, then one cycle polling all datasets: {took.TotalMilliseconds:N0} ms, {batch.Arrived} arrived, " +
                          $"{batch.RecordsWritten} records changed with {batch.Writes} API writes ({batch.WritesPerRecord:N2} per record) and {batch.Reads} reads " +
                          $"({batch.ReadsPerChange:N2} per change; {calls.PerSystem()}); the next cycle wrote {batch.EchoWrites}");
        return batch;
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);
}
