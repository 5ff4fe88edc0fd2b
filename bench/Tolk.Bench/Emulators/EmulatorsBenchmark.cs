using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Tolk.Bench.Emulators;

/// <summary>
/// Memory of the standalone emulator host under the large sample: starts it as a child process, counts the records
/// across the six systems, then runs rounds of realistic load (a full paged read of every datatype, updates through the
/// APIs, a person's edits through the admin channel) and samples the child's RSS and live GC heap after each round.
/// </summary>
internal static class EmulatorsBenchmark
{
    private const int MinimumRecords = 100_000;

    public static async Task<int> RunAsync(int rounds, int editsPerSystem, string size)
    {
        Console.WriteLine($"emulators memory benchmark: --size {size}, {rounds} rounds, {editsPerSystem} API updates and " +
                          $"{editsPerSystem} person edits per system per round, {Environment.ProcessorCount} cores");
        var clock = Stopwatch.StartNew();
        await using var host = await EmulatorHost.StartAsync(size, TimeSpan.FromMinutes(5));
        Console.WriteLine($"  host pid {host.Pid} ready after {clock.Elapsed.TotalSeconds:N1} s");
        using var admin = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var total = await CountRecordsAsync(host, admin);
        foreach (var (system, limits) in Loads.LiftedLimits)
        {
            using var put = await admin.PutAsJsonAsync(new Uri(host.AdminUrl(system), "settings"), limits);
            put.EnsureSuccessStatusCode();
        }
        using var trello = new HttpClient { BaseAddress = host.BaseUrl("trello"), Timeout = TimeSpan.FromMinutes(2) };
        var loads = Loads.Create(host, trello);
        try
        {
            MemoryReport.PrintHeader();
            MemoryReport.Print(await SampleAsync(host, admin, "after seed", 0, 0, 0, clock.Elapsed));
            var samples = new List<MemorySample>();
            for (var round = 1; round <= rounds; round++)
            {
                var started = Stopwatch.StartNew();
                var read = 0;
                foreach (var load in loads)
                {
                    read += await load.ReadAllAsync(CancellationToken.None);
                }
                var (writes, edits) = await WriteAsync(host, admin, loads, round, editsPerSystem);
                var sample = await SampleAsync(host, admin, $"round {round}", read, writes, edits, started.Elapsed);
                samples.Add(sample);
                MemoryReport.Print(sample);
            }
            var flat = MemoryReport.Verdict(samples, host.ReadProcBytes("VmHWM"));
            var enough = total >= MinimumRecords;
            Console.WriteLine($"{(enough ? "PASS" : "FAIL")}: {total:N0} records across the six systems (at least {MinimumRecords:N0})");
            return flat && enough ? 0 : 1;
        }
        finally
        {
            foreach (var load in loads)
            {
                load.Dispose();
            }
        }
    }

    private static async Task<int> CountRecordsAsync(EmulatorHost host, HttpClient admin)
    {
        var total = 0;
        var parts = new List<string>();
        foreach (var (system, _) in host.Systems)
        {
            var description = await admin.GetFromJsonAsync<JsonObject>(host.AdminUrl(system));
            var count = description!["collections"]!.AsObject().Where(c => c.Key != "webhooks").Sum(c => (int)c.Value!);
            parts.Add($"{system} {count:N0}");
            total += count;
        }
        Console.WriteLine($"  {total:N0} records: {string.Join(", ", parts)}");
        return total;
    }

    private static async Task<(int Writes, int Edits)> WriteAsync(EmulatorHost host, HttpClient admin, IReadOnlyList<SystemLoad> loads, int round, int perSystem)
    {
        int writes = 0, edits = 0;
        foreach (var load in loads)
        {
            var records = await admin.GetFromJsonAsync<JsonArray>(
                new Uri(host.AdminUrl(load.System), $"records/{load.EditCollection}?offset={round * perSystem}&limit={2 * perSystem}"));
            var ids = records!.Select(r => r![load.IdField]!.ToString()).ToList();
            foreach (var id in ids.Take(perSystem))
            {
                await load.UpdateAsync(id, Text("api", round, id), CancellationToken.None);
                writes++;
            }
            foreach (var id in ids.Skip(perSystem))
            {
                var patch = new JsonObject { [load.EditField] = Text("person", round, id) };
                using var response = await admin.PatchAsJsonAsync(new Uri(host.AdminUrl(load.System), $"records/{load.EditCollection}/{Uri.EscapeDataString(id)}"), patch);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{load.System} person edit of {load.EditCollection} {id} → {(int)response.StatusCode}: " +
                                                        await response.Content.ReadAsStringAsync());
                }
                edits++;
            }
        }
        return (writes, edits);
    }

    // Phone-like text, so it also suits the systems whose edit field is a phone number.
    private static string Text(string who, int round, string id) =>
        string.Create(CultureInfo.InvariantCulture, $"+47 {round % 100:00} {Math.Abs(StableHash(who + id)) % 1_000_000:000000}");

    private static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c));

    private static async Task<MemorySample> SampleAsync(EmulatorHost host, HttpClient admin, string stage, int read, int writes, int edits, TimeSpan took)
    {
        var rss = host.ReadProcBytes();
        var runtime = await host.RuntimeAsync(admin, collect: true);
        return new MemorySample(stage, rss, host.ReadProcBytes(), (long)runtime["liveBytes"]!, (long)runtime["committedBytes"]!, read, writes, edits, took);
    }
}
