using System.Text.Json.Nodes;

namespace Tolk.Engine.Tests.Qa;

/// <summary>The checklist's linking steps: the initial sync, an insert, a match by merge criterion, a match-only flow.</summary>
public sealed partial class FlowCheck
{
    /// <summary>
    /// Initial sync: every live source record of the flow is linked to a target record, unless a person must decide (an
    /// ambiguous match is reported), its write waits for a referenced record that cannot be linked (a project of a team
    /// whose match is ambiguous), or the flow only matches (<paramref name="matchOnly"/>: the target cannot create).
    /// </summary>
    public async Task AssertInitialSyncLinkedAsync(bool matchOnly = false)
    {
        var initial = harness.Initial!;
        if (matchOnly)
        {
            Assert.Equal(0, initial.Flow(flow).Inserted);
            Assert.True(initial.Flow(flow).Matched > 0, $"flow {flow}: the initial sync matched nothing");
            return;
        }

        var participant = harness.Engine.Topology.Of(source.Member(""))!;
        var ambiguities = (await harness.Store.GetErrorsAsync(false, 1000)).Where(e => e.Stage == "match").ToList();
        var linked = 0;
        foreach (var id in harness.Engine.Index.Ids(source.Dataset).Where(id => harness.Engine.Index.Values(participant, id) is not null))
        {
            if (await LinkedAsync(source, id, target) is not null)
            {
                linked++;
                continue;
            }

            var reported = ambiguities.Any(e => (e.Dataset == source.Dataset && e.RecordId == id) || e.Message.Contains($"{source} {id} ", StringComparison.Ordinal));
            var cluster = await ClusterOfAsync(source, id);
            var waiting = initial.Waiting.Any(w => w.ClusterId == cluster && w.Target == target.ToString());
            Assert.True(reported || waiting, $"flow {flow}: {source} {id} is not linked to a {target}\n{await DescribeAsync(source, id)}");
        }

        Assert.True(linked > 0 || initial.Flow(flow).Errors > 0, $"flow {flow}: the initial sync linked nothing and reported nothing");
    }

    /// <summary>A new source record is inserted in the target: returns the pair.</summary>
    public async Task<Pair> InsertAsync(JsonObject sourceFields)
    {
        var id = source.IdOf(await CreateAsync(source, sourceFields));
        var reports = await SyncAsync();
        var targetId = await LinkedAsync(source, id, target);
        Assert.True(targetId is not null, $"flow {flow}: no {target} was linked\n{await DescribeAsync(source, id, reports)}");
        Assert.True(reports.Sum(r => r.Flow(flow).Inserted) >= 1, $"flow {flow}: {target} {targetId} was linked but not inserted");
        Assert.NotNull(await FindAsync(target, targetId!));
        return new Pair(id, targetId!, (await ClusterOfAsync(source, id))!.Value);
    }

    /// <summary>
    /// The target cannot create records (Trello members): a source record no target record matches stays unlinked,
    /// with no insert tried and no error. Returns the source record's id.
    /// </summary>
    public async Task<string> AssertNotInsertedAsync(JsonObject sourceFields)
    {
        var id = source.IdOf(await CreateAsync(source, sourceFields));
        var reports = await SyncAsync();
        Assert.Null(await LinkedAsync(source, id, target));
        Assert.Equal(0, reports.Sum(r => r.Flow(flow).Inserted));
        Assert.DoesNotContain(await harness.Store.GetErrorsAsync(false, 1000), e => e.Dataset == source.Dataset && e.RecordId == id);
        return id;
    }

    /// <summary>
    /// A near-identical record exists in the target (the merge criterion matches) when the source record appears: they
    /// are linked, and no second target record is made.
    /// </summary>
    public async Task<Pair> MatchAsync(JsonObject targetFields, JsonObject sourceFields)
    {
        var targetId = target.IdOf(await CreateAsync(target, targetFields));
        var count = (await ListAsync(target)).Count;
        var id = source.IdOf(await CreateAsync(source, sourceFields));
        var reports = await SyncAsync();
        var linked = await LinkedAsync(source, id, target);
        Assert.True(linked == targetId, $"flow {flow}: {source} {id} should be linked to {target} {targetId}, is linked to {linked ?? "nothing"}\n{await DescribeAsync(source, id, reports)}");
        Assert.True(reports.Sum(r => r.Flow(flow).Matched) >= 1, $"flow {flow}: the link was not made by the merge criterion");
        Assert.Equal(count, (await ListAsync(target)).Count);
        return new Pair(id, targetId, (await ClusterOfAsync(source, id))!.Value);
    }

    /// <summary>The pair an existing source record is in (linked by an earlier sync).</summary>
    public async Task<Pair> PairOfAsync(string sourceId)
    {
        var targetId = await LinkedAsync(source, sourceId, target);
        Assert.True(targetId is not null, $"flow {flow}: {source} {sourceId} is not linked\n{await DescribeAsync(source, sourceId)}");
        return new Pair(sourceId, targetId!, (await ClusterOfAsync(source, sourceId))!.Value);
    }
}
