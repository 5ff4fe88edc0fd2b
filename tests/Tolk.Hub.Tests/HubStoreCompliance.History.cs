using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

public abstract partial class HubStoreCompliance
{
    [Fact]
    public async Task a_records_history_is_its_own_versions_newest_first_and_pages_back_from_a_seq()
    {
        var store = await OpenAsync();
        for (var round = 0; round < 4; round++)
        {
            await store.AppendAsync(AsanaTask, Recs("t", 3, round));
            await store.AppendAsync(CustomerpProject, [Rec("t-1", round)]);
        }

        var history = await store.GetHistoryAsync(AsanaTask, "t-1", 10);
        var older = await store.GetHistoryAsync(AsanaTask, "t-1", 10, beforeSeq: history[1].Seq);
        var none = await store.GetHistoryAsync(AsanaTask, "missing", 10);

        Assert.Equal(4, history.Count);
        Assert.All(history, v => Assert.Equal((AsanaTask, "t-1"), (v.Dataset, v.RecordId)));
        Assert.Equal(history.OrderByDescending(v => v.Seq).Select(v => v.Seq), history.Select(v => v.Seq));
        Assert.Equal((await store.GetLatestAsync(AsanaTask, "t-1"))!.Seq, history[0].Seq);
        Assert.Equal(history.Skip(2).Select(v => v.Seq), older.Select(v => v.Seq));
        Assert.Empty(none);
    }
}
