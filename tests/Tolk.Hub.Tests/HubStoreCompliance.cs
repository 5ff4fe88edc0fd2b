using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

/// <summary>
/// What every hub store engine must do. A subclass gives each test instance a fresh, empty store location; every call
/// of <see cref="OpenStoreAsync"/> in that instance opens the same store again (after the previous one is disposed).
/// </summary>
public abstract partial class HubStoreCompliance : IAsyncLifetime
{
    protected static readonly Dataset AsanaTask = new("asana", "task");
    protected static readonly Dataset CustomerpProject = new("customerp", "project");
    protected static readonly Dataset CustompmsProject = new("custompms", "project");

    private readonly List<HubStore> opened = [];

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Opens this instance's store, migrated to <paramref name="schemaVersion"/> (the newest when null).</summary>
    protected abstract Task<HubStore> OpenStoreAsync(int? schemaVersion, HubStoreOptions? options);

    /// <summary>Runs SQL straight against the store's database, bypassing the store.</summary>
    protected abstract Task ExecuteRawAsync(string sql);

    /// <summary>The engine's own consistency check: "ok" when the database is sound.</summary>
    protected abstract Task<string> IntegrityCheckAsync();

    /// <summary>Arguments that make the kill harness open this instance's store.</summary>
    protected abstract IReadOnlyList<string> KillHarnessArguments { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }
    }

    protected async Task<HubStore> OpenAsync(int? schemaVersion = null, HubStoreOptions? options = null)
    {
        var store = await OpenStoreAsync(schemaVersion, options);
        opened.Add(store);
        return store;
    }

    protected static HubRecord Rec(string id, int n, bool deleted = false, DateTimeOffset? modifiedAt = null) =>
        HubRecord.FromProperties(id, new JsonObject { ["n"] = n, ["name"] = $"record {id}" }, modifiedAt, deleted);

    protected static IEnumerable<HubRecord> Recs(string prefix, int count, int n = 0) =>
        Enumerable.Range(0, count).Select(i => Rec($"{prefix}-{i}", n));

    protected static async Task<List<RecordVersion>> ReadAllAsync(IHubStore store, Dataset? dataset = null)
    {
        var all = new List<RecordVersion>();
        var after = 0L;
        while (true)
        {
            var page = await store.ReadLogAsync(dataset, after, 500);
            if (page.Count == 0)
            {
                return all;
            }
            all.AddRange(page);
            after = page[^1].Seq;
        }
    }
}
