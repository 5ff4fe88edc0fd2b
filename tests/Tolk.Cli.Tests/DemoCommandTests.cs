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
        Assert.Matches(RunAndSyncTests.Settled, output);
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
        Assert.Matches(RunAndSyncTests.Settled, again.Output);
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

    [Fact]
    public async Task demo_with_a_bad_size_is_a_usage_error()
    {
        var (exit, _, error) = await TolkProcess.RunAsync(_folder.Path, "demo", "--size", "huge");
        Assert.Equal(2, exit);
        Assert.Contains("--size", error, StringComparison.Ordinal);
        Assert.Contains("'huge'", error, StringComparison.Ordinal);
    }
}
