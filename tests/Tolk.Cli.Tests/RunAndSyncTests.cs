using System.Text.Json.Nodes;

namespace Tolk.Cli.Tests;

/// <summary><c>tolk sync</c> and <c>tolk run</c> against the emulators, configured by a tolk.yaml, as a user runs them.</summary>
[Collection(SandboxGroup.Name)]
public sealed class RunAndSyncTests(SandboxFixture sandbox)
{
    // The sample holds deliberate ambiguities: depending on the order records arrive in, a few writes may wait for a
    // person to link one by hand. Either way the sync must settle and say so.
    internal const string Settled = "(Fully synchronized|Synchronized as far as Tolk can go on its own) after";

    [Fact]
    public void sync_once_on_a_fresh_store_reaches_the_fully_synchronized_state()
    {
        var (exit, output, error) = sandbox.FirstSync;
        Assert.True(exit == 0, output + error);
        Assert.Matches(Settled, output);
        Assert.Contains("customerp.customer → tidsbanken.kunde", output, StringComparison.Ordinal);
        Assert.Contains("inserted", output, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Environment[SandboxFixture.AsanaVariable], output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task sync_once_again_inserts_nothing_and_writes_nothing()
    {
        var before = await CountRecordsAsync();

        var (exit, output, error) = await TolkProcess.RunAsync(sandbox.Folder, sandbox.Environment, "sync", "--once");

        Assert.True(exit == 0, output + error);
        Assert.Matches(Settled, output);
        var cycles = output.Split('\n').Where(l => l.StartsWith("Cycle ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cycles);
        Assert.All(cycles, c => Assert.Contains(": 0 write(s) (0 inserted, 0 updated)", c, StringComparison.Ordinal));
        Assert.Equal(before, await CountRecordsAsync());
    }

    [Fact]
    public async Task sync_once_as_json_ends_with_the_synchronized_event_per_flow()
    {
        var (exit, output, error) = await TolkProcess.RunAsync(sandbox.Folder, sandbox.Environment, "sync", "--once", "--json");

        Assert.True(exit == 0, output + error);
        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("cycle", (string?)events[0]["event"]);
        var last = events[^1];
        Assert.Equal("synchronized", (string?)last["event"]);
        Assert.Equal(20, last["flows"]!.AsArray().Count);
        Assert.Equal(0, (int)last["flows"]![17]!["pending"]!);
    }

    [Fact]
    public async Task run_syncs_continuously_and_ctrl_c_stops_it_cleanly_with_exit_code_0()
    {
        await using var tolk = TolkProcess.Running.Start(sandbox.Folder, sandbox.Environment, "run");
        await tolk.WaitForOutputAsync("Syncing continuously", TimeSpan.FromSeconds(60));

        // A person edits a customer in Customerp; the next poll carries it to Tidsbanken.
        var admin = sandbox.Sandbox.Fleet["customerp"].Admin;
        var customer = (await admin.ListAsync("customers")).First(c => c["deleted_at"] is null);
        await admin.EditAsync("customers", customer["id"]!.ToString(), new JsonObject { ["phone"] = "+47 400 00 001" });
        await tolk.WaitForOutputAsync(@"\d\d:\d\d:\d\d [a-z, ]*customerp[a-z, ]* read: [^\n]*; flow \d+: [^;\n]*\d+ updated", TimeSpan.FromSeconds(30));

        await tolk.InterruptAsync();
        var (exit, output, error) = await tolk.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, output + error);
        Assert.Contains("Stopped.", output, StringComparison.Ordinal);
        Assert.Contains("resumes from the hub store", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task a_second_tolk_on_a_store_in_use_is_refused_with_exit_code_3()
    {
        await using var tolk = TolkProcess.Running.Start(sandbox.Folder, sandbox.Environment, "run");
        await tolk.WaitForOutputAsync("Syncing continuously", TimeSpan.FromSeconds(60));

        var (exit, _, error) = await TolkProcess.RunAsync(sandbox.Folder, sandbox.Environment, "sync", "--once");

        Assert.Equal(3, exit);
        Assert.Contains("is in use by another tolk", error, StringComparison.Ordinal);
        await tolk.InterruptAsync();
        Assert.Equal(0, (await tolk.WaitAsync(TimeSpan.FromSeconds(30))).ExitCode);
    }

    [Fact]
    public async Task run_without_a_settings_file_says_what_it_needs_with_exit_code_2()
    {
        using var empty = new TestFolder();
        var (exit, _, error) = await TolkProcess.RunAsync(empty.Path, "run");
        Assert.Equal(2, exit);
        Assert.Contains("needs a settings file", error, StringComparison.Ordinal);
        Assert.Contains("tolk.example.yaml", error, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, long>> CountRecordsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var running in sandbox.Sandbox.Fleet.Running)
        {
            using var http = new HttpClient { BaseAddress = new Uri(running.HostUrl, "_emulator/") };
            foreach (var collection in JsonNode.Parse(await http.GetStringAsync("records/"))!.AsArray())
            {
                counts[$"{running.Emulator.Name}/{collection!["name"]}"] = (long)collection["count"]!;
            }
        }

        return counts;
    }
}
