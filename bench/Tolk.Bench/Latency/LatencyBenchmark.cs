using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Tolk.Emulation.Admin;
using Tolk.Emulation.Sample;
using Tolk.Engine;
using Tolk.Hub.Store;
using Tolk.Runtime;
using Tolk.Server;
using Tolk.Sync.Configuration;

namespace Tolk.Bench.Latency;

/// <summary>
/// Edit-to-visible latency through the whole product: the six emulators, the hub, the engine, the runner and the
/// server with its webhooks registered. A person's edit of an Asana project (webhooks) is timed until its linked
/// Customerp project shows it; a Custompms project (polled at the configured interval) until its Asana project does.
/// Edits are one at a time, each after a random pause of up to <c>spacing</c> (webhook edits) or the poll interval
/// (polled edits), as people edit: back-to-back edits would only measure how long Asana's rate limit (150 calls a
/// minute on the free plan, which the connector paces under) makes the next read wait.
/// </summary>
internal static class LatencyBenchmark
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SlowSample = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(int webhookEdits, int polledEdits, TimeSpan pollInterval, TimeSpan spacing)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tolk-latency-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var sandbox = await Sandbox.StartAsync(SampleOptions.Small);
            await using var store = await SqliteHubStore.OpenAsync(new SqliteHubStoreOptions { Path = Path.Combine(folder, "tolk.db") }, TimeProvider.System);
            var configuration = ConfigurationLoader.LoadValid(Path.Combine(FindRoot(), "config"));
            var connectors = ConnectorFactory.CreateAll(sandbox.Endpoints, configuration);
            using var engine = await SyncEngine.OpenAsync(configuration, store, connectors);
            var runner = new SyncRunner(engine, new SyncRunnerOptions { PollInterval = pollInterval, WebhookSystems = TolkServer.WebhookSystems(connectors) });
            await using var server = await TolkServer.StartAsync(new ServerOptions { Port = 0 }, engine, runner, store, connectors);
            var webhooks = await server.Webhooks;
            Console.WriteLine($"latency: server at {server.Url}, webhooks registered for {string.Join(", ", webhooks.Order(StringComparer.Ordinal))}; " +
                $"polled systems every {pollInterval.TotalSeconds:0.#} s");

            var initial = Stopwatch.StartNew();
            for (var cycle = 0; cycle < 5 && (await runner.RunOnceAsync()).Writes > 0; cycle++)
            {
            }

            Console.WriteLine($"latency: initial sync {initial.Elapsed.TotalSeconds:F1} s");
            using var stop = new CancellationTokenSource();
            var cycles = new CycleTrace(runner);
            var loop = runner.RunAsync(stop.Token);

            var asana = sandbox.Fleet["asana"].Admin;
            var customerp = sandbox.Fleet["customerp"].Admin;
            var custompms = sandbox.Fleet["custompms"].Admin;
            var viaWebhooks = await MeasureAsync("asana project → customerp project (webhook)", webhookEdits, spacing, SlowSample, cycles, (at, took) => CallsAsync(sandbox, at, took),
                await LinksAsync(store, new("asana", "project"), new("customerp", "project")),
                (link, text) => asana.EditAsync("projects", link.Source, new JsonObject { ["notes"] = text }),
                async (link, text) => (string?)(await customerp.GetAsync("projects", link.Target))?["description"] == text);
            var viaPolling = await MeasureAsync($"custompms project → asana project (polled every {pollInterval.TotalSeconds:0.#} s)", polledEdits, pollInterval, pollInterval + SlowSample, cycles, (at, took) => CallsAsync(sandbox, at, took),
                await LinksAsync(store, new("custompms", "project"), new("asana", "project")),
                (link, text) => custompms.EditAsync("projects", link.Source, new JsonObject { ["description"] = text }),
                async (link, text) => (string?)(await asana.GetAsync("projects", link.Target))?["notes"] == text);

            await stop.CancelAsync();
            await loop;
            var pass = viaWebhooks.Count > 0 && Percentile(viaWebhooks, 0.99) < 1000;
            Console.WriteLine($"latency: webhook p99 {Percentile(viaWebhooks, 0.99):F0} ms (goal < 1000 ms): {(pass ? "PASS" : "FAIL")}");
            return pass ? 0 : 1;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<List<double>> MeasureAsync(string what, int edits, TimeSpan jitter, TimeSpan slowAfter, CycleTrace cycles, Func<DateTimeOffset, TimeSpan, Task<string>> calls, List<(string Source, string Target)> links,
        Func<(string Source, string Target), string, Task> edit, Func<(string Source, string Target), string, Task<bool>> visible)
    {
        if (links.Count == 0)
        {
            Console.WriteLine($"latency: {what}: no linked records to edit");
            return [];
        }

        var samples = new List<double>(edits);
        var slow = new List<(int Edit, DateTimeOffset At, TimeSpan Took)>();
        var lost = 0;
        for (var i = 0; i < edits; i++)
        {
            if (jitter > TimeSpan.Zero)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * jitter.TotalMilliseconds));
            }

            var link = links[i % links.Count];
            var text = $"Latency probe {i} {Guid.NewGuid():N}";
            var clock = Stopwatch.StartNew();
            var editedAt = DateTimeOffset.UtcNow;
            await edit(link, text);
            while (!await visible(link, text))
            {
                if (clock.Elapsed > Timeout)
                {
                    lost++;
                    break;
                }

                await Task.Delay(5);
            }

            if (clock.Elapsed <= Timeout)
            {
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }

            if (clock.Elapsed > slowAfter)
            {
                slow.Add((i, editedAt, clock.Elapsed));
            }
        }

        samples.Sort();
        await Task.Delay(TimeSpan.FromSeconds(1));
        foreach (var (number, at, took) in slow)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"latency:   slow edit {number} ({took.TotalMilliseconds:F0} ms), cycles from the edit on: {cycles.Describe(at, at + took)}"));
            Console.WriteLine($"latency:     API calls meanwhile: {await calls(at, took)}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency: {what}: {samples.Count} edits, p50 {Percentile(samples, 0.5):F0} ms, p90 {Percentile(samples, 0.9):F0} ms, " +
            $"p99 {Percentile(samples, 0.99):F0} ms, max {(samples.Count > 0 ? samples[^1] : 0):F0} ms{(lost > 0 ? $", {lost} not visible within {Timeout.TotalSeconds:0} s" : "")}"));
        return samples;
    }

    private static async Task<List<(string Source, string Target)>> LinksAsync(SqliteHubStore store, Dataset source, Dataset target) =>
        [.. (await store.GetFlowLinksAsync(source, target)).Where(l => l.Source.Role.Length == 0 && l.Target.Role.Length == 0)
            .Select(l => (l.Source.RecordId, l.Target.RecordId))];

    private static async Task<string> CallsAsync(Sandbox sandbox, DateTimeOffset at, TimeSpan took)
    {
        var calls = new List<(double Offset, string Text)>();
        foreach (var running in sandbox.Fleet.Running)
        {
            foreach (var call in (await running.Admin.CallsAsync()).Calls.Where(c => c.At >= at && c.At <= at + took))
            {
                calls.Add(((call.At - at).TotalMilliseconds, $"{running.Emulator.Name} {call.Method} {call.Path} {call.Status}"));
            }
        }

        return string.Join("; ", calls.OrderBy(c => c.Offset).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Offset:F0} ms {c.Text}")));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tolk.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
