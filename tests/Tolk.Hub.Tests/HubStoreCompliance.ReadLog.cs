using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

public abstract partial class HubStoreCompliance
{
    [Fact]
    public async Task reading_a_dataset_from_a_seq_returns_only_its_later_versions_in_order()
    {
        var store = await OpenAsync();
        for (var round = 0; round < 3; round++)
        {
            await store.AppendAsync(AsanaTask, Recs("t", 4, round));
            await store.AppendAsync(CustomerpProject, Recs("p", 4, round));
        }
        var all = await ReadAllAsync(store);
        var from = all[9].Seq;

        var later = await store.ReadLogAsync(AsanaTask, from, 100);

        Assert.NotEmpty(later);
        Assert.All(later, v => Assert.Equal(AsanaTask, v.Dataset));
        Assert.All(later, v => Assert.True(v.Seq > from));
        Assert.Equal(later.OrderBy(v => v.Seq).Select(v => v.Seq), later.Select(v => v.Seq));
        Assert.Equal(all.Where(v => v.Dataset == AsanaTask && v.Seq > from).Select(v => v.Seq), later.Select(v => v.Seq));
    }

    [Fact]
    public async Task reading_the_whole_store_from_a_seq_returns_every_dataset_in_seq_order()
    {
        var store = await OpenAsync();
        await store.AppendAsync(AsanaTask, Recs("t", 3));
        await store.AppendAsync(CustomerpProject, Recs("p", 3));
        await store.AppendAsync(AsanaTask, Recs("t", 3, 1));

        var all = await store.ReadLogAsync(null, 0, 100);
        var later = await store.ReadLogAsync(null, 2, 100);

        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), all.Select(v => v.Seq));
        Assert.Equal([AsanaTask, AsanaTask, AsanaTask, CustomerpProject, CustomerpProject, CustomerpProject, AsanaTask, AsanaTask, AsanaTask],
            all.Select(v => v.Dataset));
        Assert.Equal(all.Skip(2), later);
    }

    [Fact]
    public async Task paging_with_a_limit_covers_the_log_exactly_once()
    {
        var store = await OpenAsync();
        await store.AppendAsync(AsanaTask, Recs("t", 1234));

        var seen = new List<long>();
        var after = 0L;
        IReadOnlyList<RecordVersion> page;
        while ((page = await store.ReadLogAsync(AsanaTask, after, 100)).Count > 0)
        {
            Assert.True(page.Count <= 100);
            seen.AddRange(page.Select(v => v.Seq));
            after = page[^1].Seq;
        }

        Assert.Equal(Enumerable.Range(1, 1234).Select(i => (long)i), seen);
        Assert.Empty(await store.ReadLogAsync(CustomerpProject, 0, 100));
    }

    [Fact]
    public async Task the_latest_version_by_id_holds_every_field_of_the_version()
    {
        var store = await OpenAsync();
        var modified = new DateTimeOffset(2026, 2, 1, 10, 30, 15, 123, TimeSpan.FromHours(1)).AddTicks(4567);
        await store.AppendAsync(AsanaTask, [Rec("t1", 1)]);
        Time.Advance(TimeSpan.FromSeconds(42.5));
        var record = Rec("t1", 2, deleted: true, modifiedAt: modified);
        await store.AppendAsync(AsanaTask, [record]);

        var latest = await store.GetLatestAsync(AsanaTask, "t1");

        Assert.NotNull(latest);
        Assert.Equal(2, latest.Seq);
        Assert.Equal("t1", latest.RecordId);
        Assert.Equal(record.Content, latest.Content);
        Assert.Equal(record.ComputeHash(), latest.Hash);
        Assert.True(latest.Deleted);
        Assert.Equal(modified, latest.ModifiedAt);
        Assert.Equal(Time.GetUtcNow(), latest.ObservedAt);
    }

    [Fact]
    public async Task the_latest_version_of_an_unknown_record_or_dataset_is_null()
    {
        var store = await OpenAsync();
        await store.AppendAsync(AsanaTask, [Rec("t1", 1)]);

        Assert.Null(await store.GetLatestAsync(AsanaTask, "nope"));
        Assert.Null(await store.GetLatestAsync(new Dataset("trello", "card"), "t1"));
        Assert.Equal(1, await store.GetLastSeqAsync());
    }
}
