using System.Diagnostics;
using Tolk.Connectors;
using Tolk.Emulation.Sample;
using Tolk.Engine;
using Tolk.Engine.Running;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;

namespace Tolk.Bench.Engine;

/// <summary>What one sample size measured.</summary>
internal sealed record SizeFigures(string Size, int Records, TimeSpan InitialWall, double RecordsPerSecond, long PeakBytes,
    SingleEditFigures Triggered, SingleEditFigures Polled, BatchFigures Batch);

/// <summary>One sample size: the initial sync of the 20 flows, single-edit incremental cycles, and a batch of edits.</summary>
internal static class SizeRun
{
    private const int MaxCycles = 20;

    public static async Task<SizeFigures> RunAsync(string size, SyncConfiguration configuration, int singleEdits, int batchEditsPerDemo)
    {
        var scale = SampleOptions.ParseSize(size).Scale ?? throw new ArgumentException($"size '{size}' is not small, demo, large or a factor", nameof(size));
        Console.WriteLine($"size {size}:");
        var started = Stopwatch.StartNew();
        await using var fleet = await BenchFleet.StartAsync(size);
        Console.WriteLine($"  emulators in their own process, ready after {started.Elapsed.TotalSeconds:N1} s; rate limits raised through their admin settings: " +
                          await fleet.LiftLimitsAsync());
        var counts = await fleet.CountRecordsAsync();
        var total = counts.Values.Sum();
        Console.WriteLine($"  {total:N0} records: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value:N0}"))}");

        var folder = Path.Combine(Path.GetTempPath(), "tolk-bench-engine-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var store = await SqliteHubStore.OpenAsync(new SqliteHubStoreOptions { Path = Path.Combine(folder, "tolk.db") }, TimeProvider.System);
            var connectors = BenchConnectors.Create(fleet.Endpoints, configuration);
            GC.Collect();
            var peakReset = ProcessMemory.ResetPeak();
            using var engine = await SyncEngine.OpenAsync(configuration, store, connectors.ToDictionary(c => c.Key, c => (IConnector)c.Value));

            var cycles = new List<CycleReport>();
            var initial = await Timing.MeasureAsync(async () => cycles.AddRange(await SyncToRestAsync(engine)));
            var read = cycles[0].Collected.Sum(c => c.Read);
            var peak = ProcessMemory.PeakBytes();
            Console.WriteLine($"  initial sync: {cycles.Count} cycles, {read:N0} records read, {cycles.Sum(c => c.Writes):N0} writes, " +
                              $"{initial.Wall.TotalSeconds:N1} s ({initial.Cpu.TotalSeconds:N1} s CPU), {read / initial.Wall.TotalSeconds:N0} records/s, " +
                              $"peak RSS {peak / 1048576.0:N0} MB{(peakReset ? "" : " (peak not reset: includes the process's start)")}, " +
                              $"GC heap {GC.GetTotalMemory(false) / 1048576.0:N0} MB");

            var probe = new EditProbe(fleet, store);
            await probe.LoadLinksAsync();
            var cyclesAfterEdits = new IncrementalCycles(engine, fleet, probe, connectors.Values);
            var triggered = await cyclesAfterEdits.SingleEditsAsync(singleEdits, polled: false);
            var polled = await cyclesAfterEdits.SingleEditsAsync(singleEdits, polled: true);
            var batch = await cyclesAfterEdits.BatchAsync((int)Math.Ceiling(batchEditsPerDemo * scale));
            return new SizeFigures(size, total, initial.Wall, read / initial.Wall.TotalSeconds, peak, triggered, polled, batch);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<IReadOnlyList<CycleReport>> SyncToRestAsync(SyncEngine engine)
    {
        var cycles = new List<CycleReport>();
        do
        {
            cycles.Add(await engine.RunCycleAsync());
        }
        while (cycles[^1].Writes > 0 && cycles.Count < MaxCycles);
        return cycles;
    }
}
