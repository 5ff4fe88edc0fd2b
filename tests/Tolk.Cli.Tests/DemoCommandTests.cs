using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tolk.Cli.Tests;

/// <summary><c>tolk demo</c> as the README's first command runs it: the emulators, the hub under ./tolk-data, the sync.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly TestFolder _folder = new("tolk-demo-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task demo_once_on_a_fresh_folder_reaches_the_fully_synchronized_state_then_a_second_demo_resumes_without_writing_and_reset_starts_over()
    {
        string[] demo = ["demo", "--once", "--size", "small", "--port-base", "0", "--server-port", "0"];
        var (exit, output, error) = await TolkProcess.RunAsync(_folder.Path, demo);

        Assert.True(exit == 0, output + error);
        Assert.Contains("Started the six emulators (sample 'small', seed 42)", output, StringComparison.Ordinal);
        // The sample's ambiguous matches wait for a person; the demo plays that person, then says it is done.
        Assert.Contains("Synchronized as far as Tolk can go on its own after", output, StringComparison.Ordinal);
        Assert.Contains("The demo now plays the person those matches wait for", output, StringComparison.Ordinal);
        Assert.Contains("Linked asana/team 'Saga Marine AS'", output, StringComparison.Ordinal);
        Assert.Contains("Linked customerp/customer 'Saga Marine AS'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Left for you", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Fully synchronized after \d+ cycles?", output);
        Assert.True(File.Exists(_folder[Path.Combine("tolk-data", "tolk.db")]));
        Assert.Equal(6, Directory.GetFiles(_folder[Path.Combine("tolk-data", "emulators")], "*.json").Length);
        Assert.Equal("", error);

        // The store's flows as `tolk status` shows them afterwards: every Customerp customer has its Tidsbanken kunde.
        var (statusExit, status, _) = await TolkProcess.RunAsync(_folder.Path, "status", "--json");
        Assert.Equal(0, statusExit);
        var flow18 = System.Text.Json.Nodes.JsonNode.Parse(status)!["flows"]!.AsArray().Single(f => (int)f!["number"]! == 18)!;
        Assert.True((int)flow18["links"]! > 0);
        Assert.Equal(0, (int)flow18["pending"]!);

        // The second demo goes on from the store and the emulators' saved state: nothing is seeded, inserted or written again.
        var again = await TolkProcess.RunAsync(_folder.Path, demo);
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Contains("Resuming the demo saved", again.Output, StringComparison.Ordinal);
        Assert.Contains("Resumed the six emulators (sample 'small', seed 42)", again.Output, StringComparison.Ordinal);
        var cycles = System.Text.RegularExpressions.Regex.Matches(again.Output, @"Cycle \d+ done in [^:]+: (\d+) write\(s\) \((\d+) inserted, (\d+) updated\)");
        Assert.NotEmpty(cycles);
        Assert.All(cycles, c => Assert.Equal(("0", "0", "0"), (c.Groups[1].Value, c.Groups[2].Value, c.Groups[3].Value)));
        Assert.Matches(@"(?m)^Fully synchronized after \d+ cycles?", again.Output);
        Assert.Equal("", again.Error);

        // Damaged emulator state is named, with the way out; --reset takes it.
        File.WriteAllText(_folder[Path.Combine("tolk-data", "emulators", "custompms.json")], "{\"format\":");
        var damaged = await TolkProcess.RunAsync(_folder.Path, demo);
        Assert.Equal(3, damaged.ExitCode);
        Assert.Contains(Path.Combine("tolk-data", "emulators", "custompms.json") + " is not valid JSON", damaged.Error, StringComparison.Ordinal);
        Assert.Contains("'tolk demo --reset' starts the demo over", damaged.Error, StringComparison.Ordinal);

        var reset = await TolkProcess.RunAsync(_folder.Path, [.. demo, "--reset"]);
        Assert.True(reset.ExitCode == 0, reset.Output + reset.Error);
        Assert.Contains("Removed the demo's hub store", reset.Output, StringComparison.Ordinal);
        Assert.Contains("Started the six emulators (sample 'small', seed 42)", reset.Output, StringComparison.Ordinal);
        Assert.Matches(RunAndSyncTests.Settled, reset.Output);
    }

    // The small sample's Asana team "Saga Marine AS" matches two Custompms customers (flow 6), so the projects of that team
    // wait: with --leave-to-me the demo ends its initial sync as far as it can go, until a person links the team to one of them.
    [Fact]
    public async Task a_running_demo_is_fully_synchronized_once_a_person_links_the_ambiguous_match_with_tolk_link()
    {
        await using var demo = TolkProcess.Running.Start(_folder.Path, new Dictionary<string, string>(), "demo", "--leave-to-me", "--size", "small", "--port-base", "0", "--server-port", "0");
        await demo.WaitForOutputAsync("Syncing continuously", TimeSpan.FromSeconds(120));
        Assert.Contains("Synchronized as far as Tolk can go on its own after", demo.Output, StringComparison.Ordinal);
        var login = Regex.Match(demo.Output, @"sign in with (?<url>http://127\.0\.0\.1:\d+/)#token=(?<token>tolk_[A-Za-z0-9_-]+)");
        Assert.True(login.Success, demo.Output);
        var (team, customer) = await AmbiguityAsync(new Uri(login.Groups["url"].Value), login.Groups["token"].Value, 6);

        var refused = await TolkProcess.RunAsync(_folder.Path, new Dictionary<string, string> { ["TOLK_TOKEN"] = "" }, "link", team, customer);
        var (exit, output, error) = await TolkProcess.RunAsync(_folder.Path, new Dictionary<string, string> { ["TOLK_TOKEN"] = login.Groups["token"].Value }, "link", team, customer);

        Assert.Equal(3, refused.ExitCode);
        Assert.Contains($"dashboard is at {login.Groups["url"].Value}", refused.Error, StringComparison.Ordinal);
        Assert.Contains("TOLK_TOKEN", refused.Error, StringComparison.Ordinal);
        Assert.True(exit == 0, output + error);
        Assert.Contains($"Linked {team} and {customer} through the running tolk at {login.Groups["url"].Value}", output, StringComparison.Ordinal);
        await demo.WaitForOutputAsync(@"\d\d:\d\d:\d\d Fully synchronized: nothing is left to write", TimeSpan.FromSeconds(60));
        var retry = await TolkProcess.RunAsync(_folder.Path, new Dictionary<string, string> { ["TOLK_TOKEN"] = login.Groups["token"].Value }, "retry", "987654");
        Assert.Equal(1, retry.ExitCode);
        Assert.Contains("cannot retry error 987654: there is no unresolved error 987654", retry.Error, StringComparison.Ordinal);

        await demo.InterruptAsync();
        var stopped = await demo.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(stopped.ExitCode == 0, stopped.Output + stopped.Error);
        Assert.False(File.Exists(_folder[Path.Combine("tolk-data", "tolk.db.server")]), "the stopped demo left its server's address behind");
    }

    [Fact]
    public async Task demo_refuses_a_store_it_did_not_make()
    {
        // A store with records but no demo marker: what `tolk run` leaves.
        await using (var store = await Hub.Store.SqliteHubStore.OpenAsync(new Hub.Store.SqliteHubStoreOptions { Path = _folder[Path.Combine("tolk-data", "tolk.db")] }))
        {
            await Hub.Store.HubStoreExtensions.AppendAsync(store, new Hub.Store.Dataset("asana", "task"),
                [Hub.HubRecord.FromProperties("1", new System.Text.Json.Nodes.JsonObject { ["name"] = "kept" })]);
        }

        var (exit, _, error) = await TolkProcess.RunAsync(_folder.Path, "demo", "--once", "--size", "small", "--port-base", "0", "--server-port", "0");

        Assert.Equal(2, exit);
        Assert.Contains("did not make; the demo will not touch it", error, StringComparison.Ordinal);
        Assert.True(File.Exists(_folder[Path.Combine("tolk-data", "tolk.db")]));
    }

    // The record with several matches in a flow, and its first candidate, as tolk link names them.
    private static async Task<(string Record, string Candidate)> AmbiguityAsync(Uri server, string token, int flow)
    {
        using var api = new HttpClient { BaseAddress = server };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var attention = await api.GetFromJsonAsync<JsonObject>("api/attention");
            if (attention!["ambiguities"]!.AsArray().FirstOrDefault(a => (int)a!["flow"]! == flow) is { } found)
            {
                static string Name(JsonNode r) => $"{r["system"]}/{r["datatype"]}/{r["recordId"]}";
                return (Name(found["record"]!), Name(found["candidates"]![0]!));
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the ambiguity of flow {flow} is not listed: {attention.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task demo_with_a_bad_size_is_a_usage_error()
    {
        var (exit, _, error) = await TolkProcess.RunAsync(_folder.Path, "demo", "--size", "huge");
        Assert.Equal(2, exit);
        Assert.Contains("--size", error, StringComparison.Ordinal);
        Assert.Contains("'huge'", error, StringComparison.Ordinal);
    }
}
