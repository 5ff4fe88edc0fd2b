using System.Text.Json.Nodes;
using Tolk.Emulation.Calls;
using Tolk.Hub.Store;

namespace Tolk.Engine.Tests.Qa;

/// <summary>The checklist's steps.</summary>
public sealed partial class FlowCheck
{
    private static readonly string[] Systems = ["asana", "trello", "tidsbanken", "customerp", "custompms", "crmoffice"];

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

    /// <summary>A person edits the source record: returns the target record after the sync (no conflict is logged).</summary>
    public async Task<JsonObject> EditSourceAsync(Pair pair, JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var seen = await ConflictIdsAsync();
        await EditAsync(source, pair.SourceId, patch);
        await SyncWithoutConflictsAsync(pair, seen);
        return await GetAsync(target, pair.TargetId);
    }

    /// <summary>A person edits the target record: returns the source record after the sync (no conflict is logged).</summary>
    public async Task<JsonObject> EditTargetAsync(Pair pair, JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var seen = await ConflictIdsAsync();
        await EditAsync(target, pair.TargetId, patch);
        await SyncWithoutConflictsAsync(pair, seen);
        return await GetAsync(source, pair.SourceId);
    }

    /// <summary>
    /// People edit different properties of both records before the next sync: returns both records after it. Both
    /// edits survive, and no conflict is logged: they do not contend.
    /// </summary>
    public async Task<(JsonObject Source, JsonObject Target)> EditBothAsync(Pair pair, JsonObject sourcePatch, JsonObject targetPatch)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var seen = await ConflictIdsAsync();
        await EditAsync(source, pair.SourceId, sourcePatch);
        await EditAsync(target, pair.TargetId, targetPatch);
        await SyncWithoutConflictsAsync(pair, seen);
        return (await GetAsync(source, pair.SourceId), await GetAsync(target, pair.TargetId));
    }

    /// <summary>
    /// People edit the same property on both sides, one clearly after the other (later by the systems' own modification
    /// times, or by when Tolk sees it where a system has none): returns both records after the sync and the one conflict
    /// logged for <paramref name="property"/>, whose winner is the later edit.
    /// </summary>
    public async Task<(JsonObject Source, JsonObject Target, Conflict Conflict)> ConflictAsync(Pair pair, string property, JsonObject sourcePatch, JsonObject targetPatch, bool sourceLater)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var seen = await ConflictIdsAsync();
        var (first, firstId, firstPatch, later, laterId, laterPatch) = sourceLater
            ? (target, pair.TargetId, targetPatch, source, pair.SourceId, sourcePatch)
            : (source, pair.SourceId, sourcePatch, target, pair.TargetId, targetPatch);
        await EditAsync(first, firstId, firstPatch);
        await Task.Delay(first.System == "crmoffice" || later.System == "crmoffice" ? 1100 : 50);
        await EditAsync(later, laterId, laterPatch);
        var reports = await SyncAsync();
        var all = (await harness.Store.GetConflictsAsync(null, 10_000)).Where(c => !seen.Contains(c.Id)).ToList();
        foreach (var conflict in all)
        {
            Log?.Invoke($"conflict on {conflict.Property}: {conflict.Winner.Dataset}/{conflict.Winner.RecordId} {conflict.Winner.Value} at {conflict.Winner.ChangedAt:O} beat {conflict.Loser.Dataset}/{conflict.Loser.RecordId} {conflict.Loser.Value} at {conflict.Loser.ChangedAt:O}");
        }

        var logged = all.Where(c => c.Property == property).ToList();
        Assert.True(logged.Count == 1, $"flow {flow}: expected one conflict on {property}, found {logged.Count}\n{await DescribeAsync(source, pair.SourceId, reports)}");
        Assert.Equal((later.Dataset, laterId), (logged[0].Winner.Dataset, logged[0].Winner.RecordId));
        Assert.Equal((first.Dataset, firstId), (logged[0].Loser.Dataset, logged[0].Loser.RecordId));
        return (await GetAsync(source, pair.SourceId), await GetAsync(target, pair.TargetId), logged[0]);
    }

    /// <summary>
    /// With nothing changed anywhere, a full cycle (every dataset read, so also what the test's syncs wrote to systems
    /// they did not read: the echoes) makes no API write: no POST, PUT, PATCH or DELETE reaches any emulator. Asana's <c>POST /batch</c> carries only the connector's GET actions (its reads).
    /// </summary>
    public async Task AssertNoApiWritesAsync()
    {
        var marks = await CallMarksAsync();
        var report = await harness.Engine.RunCycleAsync();
        var writes = (await CallsSinceAsync(marks)).Where(c => IsWrite(c.Call)).Select(c => $"{c.System}: {c.Call.Method} {c.Call.Path}{c.Call.Query}").ToList();
        Assert.True(report.Writes == 0 && writes.Count == 0, $"flow {flow}: a cycle with nothing changed wrote:\n{string.Join("\n", writes)}");
    }

    /// <summary>
    /// Default delete policy (unlink): the source record is deleted; its link is removed and logged in the activity log,
    /// and the target record is left exactly as it was.
    /// </summary>
    public async Task AssertDeleteUnlinksAsync(Pair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var before = await GetAsync(target, pair.TargetId);
        await DeleteAsync(source, pair.SourceId);
        var reports = await SyncAsync();
        Assert.True(reports.Sum(r => r.Flow(flow).Unlinked) >= 1, $"flow {flow}: the unlink was not counted\n{await DescribeAsync(source, pair.SourceId, reports)}");
        Assert.Null(await ClusterOfAsync(source, pair.SourceId));
        Assert.Equal(0, reports.Sum(r => r.Flow(flow).Deleted));
        var activity = await harness.Store.GetActivityAsync(0, 100, new MemberRecord(source.Dataset, pair.SourceId));
        Assert.Contains(activity, a => a.Kind == ActivityKinds.Unlinked && a.ClusterId == pair.ClusterId);
        var after = await FindAsync(target, pair.TargetId);
        Assert.True(after is not null && JsonNode.DeepEquals(before, after), $"flow {flow}: {target} {pair.TargetId} changed: {before.ToJsonString()} -> {after?.ToJsonString()}");
    }

    /// <summary>
    /// Default delete policy (unlink), deleted on the target side (where the source cannot be deleted): the target
    /// record leaves its cluster, the unlink is logged, and the source record is left exactly as it was. A later edit of
    /// the source does not bring the deleted record back (no new insert): a person deleted it.
    /// </summary>
    public async Task AssertTargetDeleteUnlinksAsync(Pair pair, JsonObject laterSourceEdit)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var before = await GetAsync(source, pair.SourceId);
        await DeleteAsync(target, pair.TargetId);
        var reports = await SyncAsync();
        Assert.True(reports.Sum(r => r.Flow(flow).Unlinked) >= 1, $"flow {flow}: the unlink was not counted\n{await DescribeAsync(source, pair.SourceId, reports)}");
        Assert.Null(await ClusterOfAsync(target, pair.TargetId));
        Assert.Equal(0, reports.Sum(r => r.Flow(flow).Deleted));
        var activity = await harness.Store.GetActivityAsync(0, 100, new MemberRecord(target.Dataset, pair.TargetId));
        Assert.Contains(activity, a => a.Kind == ActivityKinds.Unlinked && a.ClusterId == pair.ClusterId);
        var after = await FindAsync(source, pair.SourceId);
        Assert.True(after is not null && JsonNode.DeepEquals(before, after), $"flow {flow}: {source} {pair.SourceId} changed: {before.ToJsonString()} -> {after?.ToJsonString()}");

        await EditAsync(source, pair.SourceId, laterSourceEdit);
        reports = await SyncAsync();
        Assert.Equal(0, reports.Sum(r => r.Flow(flow).Inserted));
        Assert.Null(await LinkedAsync(source, pair.SourceId, target));
    }

    /// <summary>The pair an existing source record is in (linked by an earlier sync).</summary>
    public async Task<Pair> PairOfAsync(string sourceId)
    {
        var targetId = await LinkedAsync(source, sourceId, target);
        Assert.True(targetId is not null, $"flow {flow}: {source} {sourceId} is not linked\n{await DescribeAsync(source, sourceId)}");
        return new Pair(sourceId, targetId!, (await ClusterOfAsync(source, sourceId))!.Value);
    }

    private async Task<HashSet<long>> ConflictIdsAsync() => (await harness.Store.GetConflictsAsync(null, 10_000)).Select(c => c.Id).ToHashSet();

    private async Task SyncWithoutConflictsAsync(Pair pair, HashSet<long> seen)
    {
        var reports = await SyncAsync();
        var logged = (await harness.Store.GetConflictsAsync(null, 10_000)).Where(c => !seen.Contains(c.Id)).ToList();
        Assert.True(logged.Count == 0, $"flow {flow}: edits that do not contend logged conflicts: "
            + string.Join("; ", logged.Select(c => $"{c.Property}: {c.Winner.Dataset}/{c.Winner.RecordId} {c.Winner.Value} beat {c.Loser.Dataset}/{c.Loser.RecordId} {c.Loser.Value}"))
            + $"\n{await DescribeAsync(source, pair.SourceId, reports)}");
    }

    private async Task<Dictionary<string, long>> CallMarksAsync()
    {
        var marks = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var system in Systems)
        {
            marks[system] = (await harness.Admin(system).CallsAsync(long.MaxValue)).Total;
        }

        return marks;
    }

    private async Task<List<(string System, CallRecord Call)>> CallsSinceAsync(Dictionary<string, long> marks)
    {
        var calls = new List<(string, CallRecord)>();
        foreach (var (system, mark) in marks)
        {
            calls.AddRange((await harness.Admin(system).CallsAsync(mark)).Calls.Select(c => (system, c)));
        }

        return calls;
    }

    private static bool IsWrite(CallRecord call) =>
        call.Method is "POST" or "PUT" or "PATCH" or "DELETE"
        && !call.Path.StartsWith("/_emulator", StringComparison.Ordinal)
        && !call.Path.EndsWith("/oauth/token", StringComparison.Ordinal)
        && !(call.Method == "POST" && call.Path.EndsWith("/batch", StringComparison.Ordinal) && call.Path.StartsWith("/api/1.0", StringComparison.Ordinal));
}
