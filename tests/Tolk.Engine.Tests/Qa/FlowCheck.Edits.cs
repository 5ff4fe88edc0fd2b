using System.Text.Json.Nodes;
using Tolk.Hub.Store;

namespace Tolk.Engine.Tests.Qa;

/// <summary>The checklist's edit steps: one side, both sides on different properties, the same property on both.</summary>
public sealed partial class FlowCheck
{
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

    private async Task<HashSet<long>> ConflictIdsAsync() => (await harness.Store.GetConflictsAsync(null, 10_000)).Select(c => c.Id).ToHashSet();

    private async Task SyncWithoutConflictsAsync(Pair pair, HashSet<long> seen)
    {
        var reports = await SyncAsync();
        var logged = (await harness.Store.GetConflictsAsync(null, 10_000)).Where(c => !seen.Contains(c.Id)).ToList();
        Assert.True(logged.Count == 0, $"flow {flow}: edits that do not contend logged conflicts: "
            + string.Join("; ", logged.Select(c => $"{c.Property}: {c.Winner.Dataset}/{c.Winner.RecordId} {c.Winner.Value} beat {c.Loser.Dataset}/{c.Loser.RecordId} {c.Loser.Value}"))
            + $"\n{await DescribeAsync(source, pair.SourceId, reports)}");
    }
}
