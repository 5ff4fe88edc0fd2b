using Tolk.Connectors;
using Tolk.Engine.Running;
using Tolk.Engine.Tests.Harness;
using Tolk.Engine.Topology;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;

namespace Tolk.Engine.Tests.Units;

public sealed class FlowControlTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tolk-flowcontrol-" + Guid.NewGuid().ToString("N"));
    private SqliteHubStore? _store;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _store = await SqliteHubStore.OpenAsync(new SqliteHubStoreOptions { Path = Path.Combine(_folder, "tolk.db") }, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _store!.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    // Regression: lookups have no flow of their own, so no dataset of theirs was ever collected, and an activity's
    // ownerId never found its Crmoffice user.
    [Fact]
    public async Task A_lookup_dataset_is_read_while_a_flow_that_references_it_runs()
    {
        var configuration = ConfigurationLoader.LoadValid(RepoPaths.Config);
        var topology = new SyncTopology(configuration, new Dictionary<string, IConnector>());
        var control = await FlowControl.LoadAsync(_store!, topology, CancellationToken.None);
        var users = new Dataset("crmoffice", "user");

        Assert.True(topology.Of(users).Single().IsLookup);
        Assert.True(control.IsRead(users));

        await control.SetPausedAsync(_store!, configuration.Flow(16)!, paused: true, CancellationToken.None);
        Assert.False(control.IsRead(users));
        Assert.False(control.IsRead(new Dataset("crmoffice", "activity")));
        Assert.True(control.IsRead(new Dataset("customerp", "project")));
    }
}
