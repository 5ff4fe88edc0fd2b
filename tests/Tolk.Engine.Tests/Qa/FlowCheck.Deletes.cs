using System.Text.Json.Nodes;
using Tolk.Hub.Store;

namespace Tolk.Engine.Tests.Qa;

/// <summary>The checklist's delete steps under the default policy, unlink.</summary>
public sealed partial class FlowCheck
{
    /// <summary>
    /// Default delete policy (unlink): the source record is deleted; its link is removed and logged in the activity log,
    /// and the target record is left exactly as it was.
    /// </summary>
    public async Task AssertDeleteUnlinksAsync(Pair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        await DeleteAndAssertUnlinkedAsync(pair, (source, pair.SourceId), (target, pair.TargetId));
    }

    /// <summary>
    /// Default delete policy (unlink), deleted on the target side (where the source cannot be deleted): the target
    /// record leaves its cluster, the unlink is logged, and the source record is left exactly as it was. A later edit of
    /// the source does not bring the deleted record back (no new insert): a person deleted it.
    /// </summary>
    public async Task AssertTargetDeleteUnlinksAsync(Pair pair, JsonObject laterSourceEdit)
    {
        ArgumentNullException.ThrowIfNull(pair);
        await DeleteAndAssertUnlinkedAsync(pair, (target, pair.TargetId), (source, pair.SourceId));

        await EditAsync(source, pair.SourceId, laterSourceEdit);
        var reports = await SyncAsync();
        Assert.Equal(0, reports.Sum(r => r.Flow(flow).Inserted));
        Assert.Null(await LinkedAsync(source, pair.SourceId, target));
    }

    private async Task DeleteAndAssertUnlinkedAsync(Pair pair, (Side Side, string Id) deleted, (Side Side, string Id) kept)
    {
        var before = await GetAsync(kept.Side, kept.Id);
        await DeleteAsync(deleted.Side, deleted.Id);
        var reports = await SyncAsync();
        Assert.True(reports.Sum(r => r.Flow(flow).Unlinked) >= 1, $"flow {flow}: the unlink was not counted\n{await DescribeAsync(kept.Side, kept.Id, reports)}");
        Assert.Null(await ClusterOfAsync(deleted.Side, deleted.Id));
        Assert.Equal(0, reports.Sum(r => r.Flow(flow).Deleted));
        var activity = await harness.Store.GetActivityAsync(0, 100, new MemberRecord(deleted.Side.Dataset, deleted.Id));
        Assert.Contains(activity, a => a.Kind == ActivityKinds.Unlinked && a.ClusterId == pair.ClusterId);
        var after = await FindAsync(kept.Side, kept.Id);
        Assert.True(after is not null && JsonNode.DeepEquals(before, after), $"flow {flow}: {kept.Side} {kept.Id} changed: {before.ToJsonString()} -> {after?.ToJsonString()}");
    }
}
