using System.Text.Json.Nodes;
using Tolk.Cli.Hosting;
using Tolk.Emulation.Sample;
using Tolk.Emulators;
using Tolk.Hub;
using Tolk.Hub.Store;

namespace Tolk.Cli.Tests;

/// <summary>How the demo decides between resuming and starting over, from what lies in ./tolk-data.</summary>
public sealed class DemoStoreTests : IDisposable
{
    private readonly TestFolder _folder = new("tolk-demo-store-");

    public void Dispose() => _folder.Dispose();

    private string Store => _folder[Path.Combine("tolk-data", "tolk.db")];

    private string Emulators => _folder[Path.Combine("tolk-data", "emulators")];

    private async Task<string> SaveEmulatorsAsync()
    {
        await using var fleet = await EmulatorFleet.StartAsync(new EmulatorFleetOptions { PortBase = 0, Sample = SampleOptions.Small, StateFolder = Emulators });
        return fleet.Lineage;
    }

    private async Task SyncedStoreAsync(string emulators)
    {
        await using var store = await SqliteHubStore.OpenAsync(new SqliteHubStoreOptions { Path = Store });
        await store.AppendAsync(new Dataset("asana", "task"), [HubRecord.FromProperties("1", new JsonObject { ["name"] = "synced" })]);
        await DemoStore.MarkAsync(store, SampleOptions.Small, emulators, TimeProvider.System, default);
    }

    [Fact]
    public async Task a_store_and_emulator_state_saved_by_the_same_demo_with_the_asked_sample_resume()
    {
        await SyncedStoreAsync(await SaveEmulatorsAsync());

        var start = await DemoStore.PrepareAsync(Store, SampleOptions.Small, reset: false, default);

        Assert.Equal(DemoStore.Preparation.Resumed, start.Outcome);
        Assert.Equal(SampleOptions.Small, start.State!.Sample);
        Assert.True(File.Exists(Store));
    }

    [Theory]
    [InlineData("no state", "has no emulator state beside it")]
    [InlineData("no store", "has no synced hub store beside it")]
    [InlineData("other demo", "were not saved by the same demo")]
    [InlineData("other seed", "the saved demo was made with seed 42, size small; this one asks for seed 7, size small.")]
    public async Task a_store_and_emulator_state_that_do_not_belong_together_both_start_over_saying_why(string situation, string why)
    {
        var lineage = situation == "no state" ? "gone" : await SaveEmulatorsAsync();
        if (situation != "no store")
        {
            await SyncedStoreAsync(situation == "other demo" ? "another" : lineage);
        }

        var start = await DemoStore.PrepareAsync(Store, situation == "other seed" ? new SampleOptions(7, 0.1) : SampleOptions.Small, reset: false, default);

        Assert.Equal(DemoStore.Preparation.StartedOver, start.Outcome);
        Assert.StartsWith("Starting over: ", start.Reason, StringComparison.Ordinal);
        Assert.Contains(why, start.Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(Store));
        Assert.False(Directory.Exists(Emulators));
    }
}
