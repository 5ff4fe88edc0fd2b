using System.Text.Json.Nodes;
using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

public abstract partial class HubStoreCompliance
{
    [Fact]
    public async Task the_same_content_appended_twice_is_one_version()
    {
        var store = await OpenAsync();
        var first = await store.AppendAsync(AsanaTask, [Rec("t1", 1)]);
        var second = await store.AppendAsync(AsanaTask, [Rec("t1", 1)]);

        Assert.Equal((1, 0), (first.Appended, first.Unchanged));
        Assert.Equal((0, 1, 0L), (second.Appended, second.Unchanged, second.LastSeq));
        Assert.Single(await ReadAllAsync(store));
    }

    [Fact]
    public async Task changed_content_appends_a_second_version_that_becomes_the_latest()
    {
        var store = await OpenAsync();
        await store.AppendAsync(AsanaTask, [Rec("t1", 1)]);
        var changed = await store.AppendAsync(AsanaTask, [Rec("t1", 2)]);

        var log = await ReadAllAsync(store, AsanaTask);
        Assert.Equal(1, changed.Appended);
        Assert.Equal(2, log.Count);
        Assert.Equal(log[1].Seq, changed.LastSeq);
        var latest = await store.GetLatestAsync(AsanaTask, "t1");
        Assert.Equal(log[1], latest);
        Assert.Equal(2, JsonNode.Parse(latest!.Content)!["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task a_changed_deleted_flag_alone_appends_a_new_version()
    {
        var store = await OpenAsync();
        await store.AppendAsync(AsanaTask, [Rec("t1", 1)]);
        var deleted = await store.AppendAsync(AsanaTask, [Rec("t1", 1, deleted: true)]);
        var again = await store.AppendAsync(AsanaTask, [Rec("t1", 1, deleted: true)]);

        Assert.Equal(1, deleted.Appended);
        Assert.Equal(1, again.Unchanged);
        var log = await ReadAllAsync(store);
        Assert.Equal([false, true], log.Select(v => v.Deleted));
        Assert.Equal(log[0].Content, log[1].Content);
        Assert.NotEqual(log[0].Hash, log[1].Hash);
    }

    [Fact]
    public async Task re_reading_unchanged_data_writes_nothing()
    {
        var store = await OpenAsync();
        await store.AppendAsync(AsanaTask, Recs("t", 300));
        var seq = await store.GetLastSeqAsync();
        Time.Advance(TimeSpan.FromMinutes(5));

        var again = await store.AppendAsync(AsanaTask, Recs("t", 300));

        Assert.Equal((0, 300), (again.Appended, again.Unchanged));
        Assert.Equal(seq, await store.GetLastSeqAsync());
        Assert.All(await ReadAllAsync(store), v => Assert.Equal(Time.GetUtcNow() - TimeSpan.FromMinutes(5), v.ObservedAt));
    }

    [Fact]
    public async Task only_the_changed_records_of_a_batch_get_new_versions()
    {
        var store = await OpenAsync();
        await store.AppendAsync(AsanaTask, [Rec("a", 1), Rec("b", 1), Rec("c", 1)]);
        var result = await store.AppendAsync(AsanaTask, [Rec("a", 1), Rec("b", 2), Rec("c", 1), Rec("d", 1)]);

        Assert.Equal((2, 2), (result.Appended, result.Unchanged));
        var log = await ReadAllAsync(store);
        Assert.Equal(["a", "b", "c", "b", "d"], log.Select(v => v.RecordId));
    }

    [Fact]
    public async Task a_record_repeated_within_one_batch_is_deduplicated_against_itself()
    {
        var store = await OpenAsync();
        var result = await store.AppendAsync(AsanaTask, [Rec("a", 1), Rec("a", 1), Rec("a", 2), Rec("a", 2)]);

        Assert.Equal((2, 2), (result.Appended, result.Unchanged));
        Assert.Equal(2, (await store.GetLatestAsync(AsanaTask, "a"))!.Seq);
    }

    [Fact]
    public async Task the_same_record_id_in_two_datasets_is_two_records()
    {
        var store = await OpenAsync();
        await store.AppendAsync(AsanaTask, [Rec("x", 1)]);
        var other = await store.AppendAsync(CustomerpProject, [Rec("x", 1)]);

        Assert.Equal(1, other.Appended);
        Assert.Equal(AsanaTask, (await store.GetLatestAsync(AsanaTask, "x"))!.Dataset);
        Assert.Equal(CustomerpProject, (await store.GetLatestAsync(CustomerpProject, "x"))!.Dataset);
    }
}
