using System.Text.Json.Nodes;
using Tolk.Engine.Running;
using Tolk.Engine.Tests.Harness;
using Tolk.Hub.Store;
using Tolk.Runtime;

namespace Tolk.Engine.Tests.Running;

/// <summary>The whole product with Tidsbanken's reads held on demand, shared by the runner's tests.</summary>
public sealed class RunnerFixture : IAsyncLifetime
{
    internal HeldConnector Tidsbanken { get; private set; } = null!;

    internal SyncHarness Harness { get; } = null!;

    public RunnerFixture() => Harness = new SyncHarness
    {
        ConnectorBuilder = (sandbox, configuration) =>
        {
            var connectors = ConnectorFactory.CreateAll(sandbox.Endpoints, configuration);
            connectors["tidsbanken"] = Tidsbanken = new HeldConnector(connectors["tidsbanken"]);
            return connectors;
        },
    };

    public Task InitializeAsync() => Harness.InitializeAsync();

    public Task DisposeAsync() => Harness.DisposeAsync();
}

/// <summary>
/// What webhooks name is read at once and directly: a slow poll of another system does not hold it up, and an Asana
/// record named by a delivery costs one GET, not an event poll of every workspace.
/// </summary>
public sealed class SyncRunnerTests(RunnerFixture fixture) : IClassFixture<RunnerFixture>
{
    private static readonly Dataset AsanaProject = new("asana", "project");
    private static readonly Dataset CustomerpProject = new("customerp", "project");

    private SyncHarness Harness => fixture.Harness;

    [Fact]
    public async Task A_triggered_read_goes_ahead_while_another_systems_poll_is_held()
    {
        var (asanaId, customerpId) = await FirstLinkAsync();
        using var stop = new CancellationTokenSource();
        var runner = new SyncRunner(Harness.Engine, new SyncRunnerOptions { PollInterval = TimeSpan.FromMilliseconds(100) });
        fixture.Tidsbanken.Hold();
        var loop = runner.RunAsync(stop.Token);
        try
        {
            await fixture.Tidsbanken.Entered.WaitAsync(TimeSpan.FromSeconds(30));

            var text = $"Edited while Tidsbanken is slow {Guid.NewGuid():N}";
            await Harness.Admin("asana").EditAsync("projects", asanaId, new JsonObject { ["notes"] = text });
            runner.Trigger(new CollectRequest().Read(AsanaProject, asanaId));

            Assert.True(await EventuallyAsync(async () => (string?)(await Harness.Admin("customerp").GetAsync("projects", customerpId))?["description"] == text),
                "the Asana edit should reach Customerp while the poll of Tidsbanken is held");
            Assert.False(loop.IsCompleted);
        }
        finally
        {
            fixture.Tidsbanken.Release();
            await stop.CancelAsync();
            await loop;
        }
    }

    [Fact]
    public async Task A_named_asana_record_is_read_with_one_get_and_its_change_feed_then_finds_nothing_new()
    {
        var (asanaId, customerpId) = await FirstLinkAsync();
        var asana = Harness.Admin("asana");
        var text = $"Named by a webhook {Guid.NewGuid():N}";
        await asana.EditAsync("projects", asanaId, new JsonObject { ["notes"] = text });
        var before = await asana.CallCountAsync();

        var report = await Harness.Engine.RunCycleAsync(new CollectRequest().Read(AsanaProject, asanaId));

        var calls = (await asana.CallsAsync()).Calls.Where(c => c.Seq > before).ToList();
        var read = Assert.Single(calls, c => c.Method == "GET");
        Assert.Equal($"/api/1.0/projects/{asanaId}", read.Path);
        Assert.DoesNotContain(calls, c => c.Path.EndsWith("/events", StringComparison.Ordinal) || c.Path.EndsWith("/batch", StringComparison.Ordinal));
        Assert.Equal(1, Assert.Single(report.Collected).Appended);
        Assert.Equal(text, (string?)(await Harness.Admin("customerp").GetAsync("projects", customerpId))?["description"]);

        var feed = await Harness.Engine.RunCycleAsync([AsanaProject]);
        Assert.Equal(0, feed.Collected.Sum(c => c.Appended));
        Assert.Equal(0, feed.Writes);
    }

    [Fact]
    public async Task A_named_record_of_a_system_that_cannot_read_by_id_is_read_through_its_change_feed()
    {
        var (asanaId, customerpId) = await FirstLinkAsync();
        var text = $"Edited in Customerp {Guid.NewGuid():N}";
        await Harness.Admin("customerp").EditAsync("projects", customerpId, new JsonObject { ["description"] = text });

        var report = await Harness.Engine.RunCycleAsync(new CollectRequest().Read(CustomerpProject, customerpId));

        Assert.Equal(1, Assert.Single(report.Collected).Appended);
        Assert.Equal(text, (string?)(await Harness.Admin("asana").GetAsync("projects", asanaId))?["notes"]);
    }

    private async Task<(string Asana, string Customerp)> FirstLinkAsync()
    {
        var link = (await Harness.Store.GetFlowLinksAsync(AsanaProject, CustomerpProject)).First(l => l.Source.Role.Length == 0 && l.Target.Role.Length == 0);
        return (link.Source.RecordId, link.Target.RecordId);
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }
}
