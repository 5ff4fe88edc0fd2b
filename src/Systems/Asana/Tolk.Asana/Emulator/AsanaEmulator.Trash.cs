using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Asana.Emulator;

/// <summary>
/// Deleted tasks go to the trash, from which a person can restore them in the UI; the restore is an
/// <c>undeleted</c> event. Through the admin channel: <c>POST /_emulator/records/tasks {"gid": "..."}</c>.
/// </summary>
public sealed partial class AsanaEmulator
{
    private const int TrashCapacity = 10_000;
    private readonly ConcurrentDictionary<string, JsonObject> _trash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _restoring = new(StringComparer.Ordinal);

    private void Trash(RecordChange change)
    {
        if (change.Collection != Collections.Tasks || change.Kind != ChangeKind.Deleted || change.Before is null)
        {
            return;
        }
        if (_trash.Count >= TrashCapacity)
        {
            // Asana empties its trash after a while; a bounded one keeps a long run's memory flat.
            _trash.Clear();
        }
        _trash[change.Id] = (JsonObject)change.Before.DeepClone();
    }

    private bool IsRestore(RecordChange change) => change.Kind == ChangeKind.Created && _restoring.ContainsKey(change.Id);

    private (JsonObject? Record, ApiResult? Error) Restore(JsonObject data)
    {
        var gid = (string?)data["gid"];
        if (gid is null || !_trash.TryRemove(gid, out var task))
        {
            return (null, AsanaErrors.Bad($"gid: No deleted task in the trash with gid {gid}"));
        }
        // Projects deleted meanwhile stay gone; the task comes back in the ones that still exist.
        var alive = GidsOf(task["projects"]).Where(Projects.Contains).ToHashSet(StringComparer.Ordinal);
        task["projects"] = new JsonArray(((JsonArray)task["projects"]!).Where(p => alive.Contains((string)p!["gid"]!)).Select(p => p!.DeepClone()).ToArray());
        task["memberships"] = new JsonArray(((JsonArray)task["memberships"]!)
            .Where(m => alive.Contains((string)m!["project"]!["gid"]!)).Select(m => m!.DeepClone()).ToArray());
        Touch(Collections.Tasks, task, Context.Time.GetUtcNow());
        _restoring[gid] = true;
        try
        {
            Tasks.Put(gid, task, ChangeOrigin.Person);
        }
        finally
        {
            _restoring.TryRemove(gid, out _);
        }
        return (task, null);
    }
}
