using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Asana.Emulator;

/// <summary>
/// A task's parent and followers changed through their own endpoints (<c>setParent</c>, <c>addFollowers</c>,
/// <c>removeFollowers</c>), as Asana's official clients call them; each answers the full task.
/// </summary>
public sealed partial class AsanaEmulator
{
    private static readonly HashSet<string> SetParentFields = new(StringComparer.Ordinal) { "parent", "insert_before", "insert_after" };
    private static readonly HashSet<string> FollowerFields = new(StringComparer.Ordinal) { "followers" };

    private IEnumerable<ApiRoute> TaskLinkRoutes() =>
    [
        ApiRoute.Sync("POST", "/tasks/{gid}/setParent", request => WithTask(request, task => SetParent(task, request))),
        ApiRoute.Sync("POST", "/tasks/{gid}/addFollowers", request => WithTask(request, task => ChangeFollowers(task, request, add: true))),
        ApiRoute.Sync("POST", "/tasks/{gid}/removeFollowers", request => WithTask(request, task => ChangeFollowers(task, request, add: false))),
    ];

    private ApiResult WithTask(ApiRequest request, Func<JsonObject, ApiResult> then)
    {
        var (task, error) = Load(ResourceTypes.Task, request.Gid);
        return task is null ? error! : then(task);
    }

    private ApiResult SetParent(JsonObject task, ApiRequest request)
    {
        var data = request.Data ?? [];
        if (Input.Disallowed(data, SetParentFields, SetParentFields) is { } disallowed)
        {
            return disallowed;
        }
        if (!data.ContainsKey("parent"))
        {
            return AsanaErrors.Missing("parent");
        }
        var parentGid = Input.Gid(data, "parent", nullable: true);
        if (parentGid.Error is { } error)
        {
            return error;
        }
        JsonObject? parent = null;
        if (parentGid.Value is { } gid)
        {
            (parent, var unknown) = Referenced("parent", ResourceTypes.Task, gid);
            if (parent is null)
            {
                return unknown!;
            }
            if (IsSelfOrDescendant(gid, (string)task["gid"]!))
            {
                return AsanaErrors.Bad("parent: A task cannot be its own ancestor");
            }
        }
        var oldParent = (string?)task["parent"]?["gid"];
        if (oldParent != parentGid.Value)
        {
            task["parent"] = parent is null ? null : Ref(parent);
            Save(Tasks, task, ChangeOrigin.Api);
            // Subtask counts move without an edit of the parents: Asana reports no change for them.
            AdjustSubtasks(oldParent, -1);
            AdjustSubtasks(parentGid.Value, +1);
        }
        return Full(task, request);
    }

    private ApiResult ChangeFollowers(JsonObject task, ApiRequest request, bool add)
    {
        var data = request.Data ?? [];
        if (Input.Disallowed(data, FollowerFields, FollowerFields) is { } disallowed)
        {
            return disallowed;
        }
        var followers = Input.GidList(data, "followers", IsUserAlias);
        if (followers.Error is { } error)
        {
            return error;
        }
        if (!followers.Present)
        {
            return AsanaErrors.Missing("followers");
        }
        foreach (var follower in followers.Value!)
        {
            var (user, unknown) = ReferencedUser("followers", follower, request.UserGid);
            if (user is null)
            {
                return unknown!;
            }
            if (add)
            {
                AddFollower(task, user);
            }
            else if (task["followers"] is JsonArray list && list.FirstOrDefault(f => (string?)f?["gid"] == (string)user["gid"]!) is { } found)
            {
                list.Remove(found);
            }
        }
        Save(Tasks, task, ChangeOrigin.Api);
        return Full(task, request);
    }

    // Walks up from the would-be parent: meeting the task itself means the move would make a cycle.
    private bool IsSelfOrDescendant(string candidateGid, string taskGid)
    {
        for (var gid = candidateGid; gid is not null; gid = (string?)Tasks.Get(gid)?["parent"]?["gid"])
        {
            if (gid == taskGid)
            {
                return true;
            }
        }
        return false;
    }

    private void AdjustSubtasks(string? parentGid, int delta)
    {
        if (parentGid is not null && Tasks.Get(parentGid) is { } parent)
        {
            parent["num_subtasks"] = Math.Max(0, (parent["num_subtasks"]?.GetValue<int>() ?? 0) + delta);
            Tasks.Put(parentGid, parent, ChangeOrigin.Api);
        }
    }
}
