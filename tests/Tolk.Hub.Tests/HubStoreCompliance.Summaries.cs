using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

public abstract partial class HubStoreCompliance
{
    [Fact]
    public async Task dataset_summaries_count_records_deleted_records_and_versions()
    {
        var store = await OpenAsync();
        await store.AppendAsync(AsanaTask, Recs("t", 3));
        await store.AppendAsync(AsanaTask, [Rec("t-0", 1), Rec("t-1", 0, deleted: true)]);
        await store.AppendAsync(CustomerpProject, Recs("p", 2));

        var summaries = await store.GetDatasetSummariesAsync();

        var tasks = Assert.Single(summaries, s => s.Dataset == AsanaTask);
        Assert.Equal((3L, 1L, 5L), (tasks.Records, tasks.Deleted, tasks.Versions));
        var projects = Assert.Single(summaries, s => s.Dataset == CustomerpProject);
        Assert.Equal((2L, 0L, 2L), (projects.Records, projects.Deleted, projects.Versions));
        Assert.Equal(await store.GetLastSeqAsync(), summaries.Max(s => s.LastSeq));
    }
}
