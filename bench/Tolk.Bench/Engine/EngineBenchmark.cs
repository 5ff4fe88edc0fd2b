using Tolk.Sync.Configuration;

namespace Tolk.Bench.Engine;

/// <summary>
/// The sync engine on the six emulators through all 20 flows: the initial sync of the demo sample and of ten times it
/// (records/s, peak memory); the incremental cycle after a single edit at both sizes and their ratio, both as a webhook
/// triggers it (the edited dataset read) and polling every dataset; and API calls per propagated change after a batch of
/// edits (60 per demo size), counted through the emulators' call logs.
/// </summary>
internal static class EngineBenchmark
{
    private const double RatioGoal = 1.5;

    public static async Task<int> RunAsync(IReadOnlyList<string> sizes, int singleEdits = 7, int batchEditsPerDemo = 60)
    {
        var configuration = ConfigurationLoader.LoadValid(ConfigFolder());
        Console.WriteLine($"engine benchmark: {configuration.Flows.Count} flows, sizes {string.Join(" and ", sizes)} (× demo), {Environment.ProcessorCount} cores; " +
                          $"connector pacing raised to {BenchConnectors.Pacing} (product defaults unchanged)");
        var results = new List<SizeFigures>();
        foreach (var size in sizes)
        {
            results.Add(await SizeRun.RunAsync(size, configuration, singleEdits, batchEditsPerDemo));
        }

        Console.WriteLine();
        Console.WriteLine($"  {"size",-6} {"records",9} {"initial s",10} {"records/s",10} {"peak MB",8} {"webhook cycle ms",17} {"poll cycle ms",14} " +
                          $"{"writes/record",14} {"reads/change",13}");
        foreach (var r in results)
        {
            Console.WriteLine($"  {r.Size,-6} {r.Records,9:N0} {r.InitialWall.TotalSeconds,10:N1} {r.RecordsPerSecond,10:N0} {r.PeakBytes / 1048576.0,8:N0} " +
                              $"{r.Triggered.Median.TotalMilliseconds,17:N0} {r.Polled.Median.TotalMilliseconds,14:N0} {r.Batch.WritesPerRecord,14:N2} {r.Batch.ReadsPerChange,13:N2}");
        }

        var ok = true;
        if (results.Count > 1)
        {
            var (first, last) = (results[0], results[^1]);
            var triggered = last.Triggered.Median / first.Triggered.Median;
            ok &= Verdict(triggered <= RatioGoal, $"incremental cycle after a single edit, reading the edited dataset as a webhook triggers it: {last.Size} takes " +
                                                  $"{triggered:N2}× {first.Size} (goal ≤ {RatioGoal})");
            var polled = last.Polled.Median / first.Polled.Median;
            var besides = last.Polled.MedianBesideSlowestSystem / first.Polled.MedianBesideSlowestSystem;
            ok &= Verdict(polled <= RatioGoal, $"incremental cycle after a single edit, polling all datasets: {last.Size} takes {polled:N2}× {first.Size} " +
                                               $"(goal ≤ {RatioGoal}); {besides:N2}× beside the slowest system's reads; slowest reads at {last.Size}: {last.Polled.SlowestReads}");
        }

        foreach (var r in results)
        {
            ok &= Verdict(r.Triggered.Arrived == r.Triggered.Edits && r.Polled.Arrived == r.Polled.Edits,
                $"{r.Size}: every single edit arrived in the cycle after it ({r.Triggered.Arrived + r.Polled.Arrived} of {r.Triggered.Edits + r.Polled.Edits})");
            ok &= Verdict(r.Batch.Arrived == r.Batch.Edits && r.Batch.Writes == r.Batch.RecordsWritten && r.Batch.EchoWrites == 0,
                $"{r.Size}: one write per changed target record ({r.Batch.Writes} writes, {r.Batch.RecordsWritten} records changed, " +
                $"{r.Batch.Arrived}/{r.Batch.Edits} edits arrived, {r.Batch.EchoWrites} writes in the cycle after)");
            ok &= Verdict(r.Batch.ReadsPerChange < 1, $"{r.Size}: reads amortised below one per propagated change ({r.Batch.ReadsPerChange:N2}, " +
                                                      $"{r.Batch.Edits} edits in one polling cycle)");
        }

        return ok ? 0 : 1;
    }

    private static bool Verdict(bool pass, string text)
    {
        Console.WriteLine($"{(pass ? "PASS" : "FAIL")}: {text}");
        return pass;
    }

    private static string ConfigFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tolk.slnx")))
            {
                return Path.Combine(dir.FullName, "config");
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds Tolk.slnx (and config/)");
    }
}
