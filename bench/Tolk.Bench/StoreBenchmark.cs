using Tolk.Hub;
using Tolk.Hub.Store;

namespace Tolk.Bench;

/// <summary>
/// Appends of new ~1 KB records in batches of 1,000 against the same rows inserted into a raw SQLite table, batch for
/// batch in turn so that both meet the same load on a shared machine; then re-appends of the unchanged records.
/// Rates are the best round's; ratios are over all rounds.
/// </summary>
internal static class StoreBenchmark
{
    private const int BatchSize = 1_000;
    private const int Rounds = 3;
    private const double AppendGoal = 50_000;
    private const double RatioGoal = 0.5;
    private const double UnchangedGoal = 3.0;

    public static async Task<int> RunAsync(int count)
    {
        var batches = BenchRecords.Batches(count, BatchSize, revision: 1);
        var bytes = batches.Sum(b => b.Sum(r => System.Text.Encoding.UTF8.GetByteCount(r.Content))) / (double)count;
        Console.WriteLine($"hub store benchmark: {count:N0} records of {bytes:N0} bytes on average, batches of {BatchSize:N0}, " +
                          $"{Rounds} rounds, {Environment.ProcessorCount} cores");
        var folder = Directory.CreateTempSubdirectory("tolk-bench-").FullName;
        try
        {
            await RoundAsync(Path.Combine(folder, "warmup"), BenchRecords.Batches(5 * BatchSize, BatchSize, 0));
            var rounds = new List<Round>();
            for (var i = 1; i <= Rounds; i++)
            {
                var round = await RoundAsync(Path.Combine(folder, $"round{i}"), batches);
                rounds.Add(round);
                Console.WriteLine($"  round {i}: store {Rate(count, round.Append.Wall)}, raw {Rate(count, round.Raw.Wall)}, " +
                                  $"unchanged {Rate(count, round.Unchanged.Wall)}   (per CPU second: store {Rate(count, round.Append.Cpu)}, " +
                                  $"raw {Rate(count, round.Raw.Cpu)}, unchanged {Rate(count, round.Unchanged.Cpu)})");
            }
            Report(count, rounds);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Round> RoundAsync(string folder, List<HubRecord[]> batches)
    {
        Directory.CreateDirectory(folder);
        await using var raw = await RawSqliteBaseline.CreateAsync(Path.Combine(folder, "raw.db"));
        await using var store = await SqliteHubStore.OpenAsync(new SqliteHubStoreOptions { Path = Path.Combine(folder, "hub.db") });
        var dataset = new Dataset("asana", "task");
        Timing append = default, rawTime = default, unchanged = default;
        foreach (var batch in batches)
        {
            rawTime += await Timing.MeasureAsync(() => raw.InsertAsync(batch));
            append += await Timing.MeasureAsync(() => AppendAsync(store, dataset, batch, expected: batch.Length));
        }
        foreach (var batch in batches)
        {
            unchanged += await Timing.MeasureAsync(() => AppendAsync(store, dataset, batch, expected: 0));
        }
        return new Round(append, rawTime, unchanged);
    }

    private static async Task AppendAsync(IHubStore store, Dataset dataset, HubRecord[] batch, int expected)
    {
        var result = await store.AppendAsync(dataset, batch);
        if (result.Appended != expected)
        {
            throw new InvalidOperationException($"Expected {expected} versions appended, got {result}.");
        }
    }

    private static void Report(int count, List<Round> rounds)
    {
        var appendRate = count / rounds.Min(r => r.Append.Wall).TotalSeconds;
        var rawRate = count / rounds.Min(r => r.Raw.Wall).TotalSeconds;
        var ratio = rounds.Sum(r => r.Raw.Wall.TotalSeconds) / rounds.Sum(r => r.Append.Wall.TotalSeconds);
        var speedup = rounds.Sum(r => r.Append.Wall.TotalSeconds) / rounds.Sum(r => r.Unchanged.Wall.TotalSeconds);
        var cpuRatio = rounds.Sum(r => r.Raw.Cpu.TotalSeconds) / rounds.Sum(r => r.Append.Cpu.TotalSeconds);
        Console.WriteLine();
        Line("store append, new records", $"{appendRate:N0} versions/s", $"goal >= {AppendGoal:N0}/s", appendRate >= AppendGoal);
        Line("raw SQLite insert, same rows", $"{rawRate:N0} rows/s", "baseline", null);
        Line("store / raw", $"{ratio:N2}", $"goal >= {RatioGoal:N1} (per CPU second: {cpuRatio:N2})", ratio >= RatioGoal);
        Line("store re-append, unchanged", $"{count / rounds.Min(r => r.Unchanged.Wall).TotalSeconds:N0} records/s",
            $"{speedup:N1}x new; goal >= {UnchangedGoal:N0}x", speedup >= UnchangedGoal);
    }

    private static string Rate(int count, TimeSpan time) => $"{count / time.TotalSeconds:N0}/s";

    private static void Line(string what, string figure, string goal, bool? pass) =>
        Console.WriteLine($"{what,-30} {figure,18}   {goal,-44} {(pass is null ? "" : pass.Value ? "PASS" : "MISS")}");

    private sealed record Round(Timing Append, Timing Raw, Timing Unchanged);
}
