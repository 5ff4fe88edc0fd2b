using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

public abstract partial class HubStoreCompliance
{
    [Fact]
    public async Task a_records_versions_come_newest_first_and_only_its_own()
    {
        var store = await OpenAsync();
        await store.AppendAsync(AsanaTask, [Rec("t1", 1), Rec("t2", 1)]);
        await store.AppendAsync(CustomerpProject, [Rec("t1", 1)]);
        await store.AppendAsync(AsanaTask, [Rec("t1", 2)]);
        await store.AppendAsync(AsanaTask, [Rec("t1", 2)]);
        await store.AppendAsync(AsanaTask, [Rec("t1", 3, deleted: true)]);

        var versions = await store.GetHistoryAsync(AsanaTask, "t1", 10);

        Assert.Equal(3, versions.Count);
        Assert.All(versions, v => Assert.Equal((AsanaTask, "t1"), (v.Dataset, v.RecordId)));
        Assert.Equal(versions.Select(v => v.Seq).OrderDescending(), versions.Select(v => v.Seq));
        Assert.True(versions[0].Deleted);
        Assert.Equal((await store.GetLatestAsync(AsanaTask, "t1"))!.Seq, versions[0].Seq);
    }

    [Fact]
    public async Task a_records_history_stops_at_the_limit_and_is_empty_for_an_unknown_record()
    {
        var store = await OpenAsync();
        for (var n = 1; n <= 5; n++)
        {
            await store.AppendAsync(AsanaTask, [Rec("t1", n)]);
        }

        var latestTwo = await store.GetHistoryAsync(AsanaTask, "t1", 2);

        Assert.Equal(2, latestTwo.Count);
        Assert.Equal((await store.GetLatestAsync(AsanaTask, "t1"))!.Seq, latestTwo[0].Seq);
        Assert.Empty(await store.GetHistoryAsync(AsanaTask, "nope", 10));
        Assert.Empty(await store.GetHistoryAsync(CustompmsProject, "t1", 10));
    }
}
