using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

public abstract partial class HubStoreCompliance
{
    [Fact]
    public async Task a_new_store_is_migrated_to_the_newest_schema_and_reopening_changes_nothing()
    {
        var store = await OpenAsync();
        Assert.True(store.SupportedSchemaVersion >= 2);
        Assert.Equal(store.SupportedSchemaVersion, await store.GetSchemaVersionAsync());
        await store.AppendAsync(AsanaTask, Recs("t", 3));
        await store.DisposeAsync();

        var again = await OpenAsync();
        Assert.Equal(again.SupportedSchemaVersion, await again.GetSchemaVersionAsync());
        Assert.Equal(3, (await ReadAllAsync(again)).Count);
    }

    [Fact]
    public async Task a_store_at_schema_version_1_is_upgraded_on_open_and_keeps_its_data()
    {
        var old = await OpenAsync(schemaVersion: 1);
        Assert.Equal(1, await old.GetSchemaVersionAsync());
        await old.AppendAsync(AsanaTask, Recs("t", 25), new HubCursor("asana/task", "{\"page\":7}"));
        await old.AppendAsync(AsanaTask, [Rec("t-0", 99)]);
        var before = await ReadAllAsync(old);
        await old.DisposeAsync();

        var store = await OpenAsync();

        Assert.Equal(store.SupportedSchemaVersion, await store.GetSchemaVersionAsync());
        Assert.Equal(before, await ReadAllAsync(store));
        Assert.Equal(99, JsonNodeInt((await store.GetLatestAsync(AsanaTask, "t-0"))!.Content));
        Assert.Equal("{\"page\":7}", (await store.GetCursorAsync("asana/task"))!.Value);
        // What version 2 added works on the upgraded store, and dedupe still sees the old versions.
        var cluster = await store.CreateClusterAsync("task");
        await store.AddMemberAsync(cluster, new MemberKey(AsanaTask, "t-1", "task"), JoinedBy.Match);
        Assert.Single((await store.GetClusterAsync(cluster))!.Members);
        Assert.Equal(25, (await store.AppendAsync(AsanaTask, Recs("t", 25).Skip(1).Append(Rec("t-0", 99)))).Unchanged);
    }

    [Fact]
    public async Task a_store_from_a_newer_version_is_refused_with_both_versions_named()
    {
        var store = await OpenAsync();
        var supported = store.SupportedSchemaVersion;
        await store.AppendAsync(AsanaTask, Recs("t", 2));
        await store.DisposeAsync();
        await ExecuteRawAsync(
            $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({supported + 1}, 'from_the_future', '2030-01-01T00:00:00.0000000Z')");

        var refused = await Assert.ThrowsAsync<SchemaVersionTooNewException>(() => OpenAsync());

        Assert.Equal((supported + 1, supported), (refused.StoreVersion, refused.SupportedVersion));
        Assert.Contains($"schema version {supported + 1}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {supported}", refused.Message, StringComparison.Ordinal);
    }
}
