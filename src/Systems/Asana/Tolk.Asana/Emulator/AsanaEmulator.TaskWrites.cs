using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Asana.Emulator;

/// <summary>How a task body is validated and applied, for the API and for a person's edits alike.</summary>
public sealed partial class AsanaEmulator
{
    private static readonly string[] Subtypes = ["default_task", "milestone", "section", "approval"];
    private static readonly HashSet<string> TaskKnown = new(StringComparer.Ordinal)
    {
        "gid", "resource_type", "name", "resource_subtype", "created_by", "assignee", "completed", "completed_at", "completed_by",
        "created_at", "custom_fields", "dependencies", "dependents", "due_at", "due_on", "followers", "hearted", "hearts", "html_notes",
        "is_rendered_as_separator", "liked", "likes", "memberships", "modified_at", "notes", "num_hearts", "num_likes", "num_subtasks",
        "parent", "permalink_url", "projects", "start_at", "start_on", "tags", "workspace",
    };
    private static readonly HashSet<string> TaskUpdatable = new(StringComparer.Ordinal)
    {
        "name", "notes", "html_notes", "resource_subtype", "completed", "due_on", "due_at", "start_on", "start_at", "assignee", "custom_fields",
    };
    private static readonly HashSet<string> TaskCreatable = new(
        TaskUpdatable.Concat(["workspace", "projects", "parent", "followers", "tags", "memberships"]), StringComparer.Ordinal);
    private static readonly HashSet<string> AddProjectFields = new(StringComparer.Ordinal) { "project", "section", "insert_before", "insert_after" };
    private static readonly HashSet<string> RemoveProjectFields = new(StringComparer.Ordinal) { "project" };

    private (JsonObject? Record, ApiResult? Error) CreateTask(JsonObject data, string actor, ChangeOrigin origin)
    {
        if (Input.Disallowed(data, TaskCreatable, TaskKnown) is { } disallowed)
        {
            return (null, disallowed);
        }
        var workspaceGid = Input.Gid(data, "workspace");
        var projectGids = Input.GidList(data, "projects");
        var parentGid = Input.Gid(data, "parent", nullable: true);
        var followers = Input.GidList(data, "followers", IsUserAlias);
        var tags = Input.GidList(data, "tags");
        if ((workspaceGid.Error ?? projectGids.Error ?? parentGid.Error ?? followers.Error ?? tags.Error) is { } error)
        {
            return (null, error);
        }
        if (tags.Value is [var tag, ..])
        {
            return (null, AsanaErrors.Bad($"tags: [0]: Unknown object: {tag}"));
        }
        var (placements, badPlacement) = Placements(data, projectGids.Value ?? []);
        if (badPlacement is not null)
        {
            return (null, badPlacement);
        }
        JsonObject? parent = null;
        if (parentGid.Value is { } pg)
        {
            (parent, var badParent) = Referenced("parent", ResourceTypes.Task, pg);
            if (parent is null)
            {
                return (null, badParent);
            }
        }
        var workspaceId = workspaceGid.Value ?? (string?)placements.FirstOrDefault().Project?["workspace"]?["gid"] ?? (string?)parent?["workspace"]?["gid"];
        if (workspaceId is null)
        {
            return (null, AsanaErrors.Bad("You should specify one of workspace, parent, projects"));
        }
        var (workspace, badWorkspace) = Referenced("workspace", ResourceTypes.Workspace, workspaceId);
        if (workspace is null)
        {
            return (null, badWorkspace);
        }
        if (placements.Any(p => (string?)p.Project["workspace"]?["gid"] != workspaceId))
        {
            return (null, AsanaErrors.Bad("projects: Projects must be in the same workspace as the task"));
        }
        var (creator, _) = Referenced("created_by", ResourceTypes.User, actor);
        var task = NewTask(_gids.Next(ResourceTypes.Task), "", workspace, placements, creator, Now());
        task["parent"] = parent is null ? null : Ref(parent);
        foreach (var follower in followers.Value ?? [])
        {
            var (user, badUser) = ReferencedUser("followers", follower, actor);
            if (user is null)
            {
                return (null, badUser);
            }
            AddFollower(task, user);
        }
        foreach (var key in new[] { "workspace", "projects", "parent", "followers", "tags", "memberships" })
        {
            data.Remove(key);
        }
        var (created, fault) = WriteTask(task, data, creating: true, actor, origin);
        if (created is not null && parent is not null)
        {
            // Subtask counts move without an edit of the parent: Asana reports no change for them.
            parent["num_subtasks"] = (parent["num_subtasks"]?.GetValue<int>() ?? 0) + 1;
            Tasks.Put((string)parent["gid"]!, parent, origin);
        }
        return (created, fault);
    }

    private (JsonObject? Record, ApiResult? Error) WriteTask(JsonObject task, JsonObject data, bool creating, string actor, ChangeOrigin origin)
    {
        if (!creating && Input.Disallowed(data, TaskUpdatable, TaskKnown) is { } disallowed)
        {
            return (null, disallowed);
        }
        var name = Input.Text(data, "name", 1024);
        var subtype = Input.Enum(data, "resource_subtype", Subtypes);
        var completed = Input.Bool(data, "completed");
        var dueOn = Input.Date(data, "due_on");
        var dueAt = Input.DateTime(data, "due_at");
        var startOn = Input.Date(data, "start_on");
        var startAt = Input.DateTime(data, "start_at");
        var assignee = Input.Gid(data, "assignee", nullable: true, IsUserAlias);
        var error = name.Error ?? subtype.Error ?? completed.Error ?? dueOn.Error ?? dueAt.Error ?? startOn.Error ?? startAt.Error
            ?? assignee.Error ?? NoCustomFields(data) ?? TextWithHtml(data, task, "notes", "html_notes", NotesMax);
        if (error is not null)
        {
            return (null, error);
        }
        if (dueOn.Present && dueAt.Present)
        {
            return (null, AsanaErrors.Bad("You may only provide one of due_on or due_at!"));
        }
        if (startOn.Present && startAt.Present)
        {
            return (null, AsanaErrors.Bad("You may only provide one of start_on or start_at!"));
        }
        SetIf(task, "name", name);
        SetIf(task, "resource_subtype", subtype);
        SetDay(task, "due_on", "due_at", dueOn, dueAt);
        SetDay(task, "start_on", "start_at", startOn, startAt);
        if (assignee.Present && SetAssignee(task, assignee.Value, actor) is { } badAssignee)
        {
            return (null, badAssignee);
        }
        if (completed.Present && completed.Value != task["completed"]?.GetValue<bool>())
        {
            var (by, _) = Referenced("completed_by", ResourceTypes.User, actor);
            task["completed"] = completed.Value;
            task["completed_at"] = completed.Value ? Now() : null;
            task["completed_by"] = completed.Value && by is not null ? Ref(by) : null;
        }
        Save(Tasks, task, origin);
        return (task, null);
    }

    private ApiResult? SetAssignee(JsonObject task, string? value, string actor)
    {
        if (value is null)
        {
            task["assignee"] = null;
            return null;
        }
        var (user, error) = ReferencedUser("assignee", value, actor);
        if (user is null)
        {
            return error;
        }
        var workspaceGid = (string)task["workspace"]!["gid"]!;
        if (!GidsOf(user["workspaces"]).Contains(workspaceGid))
        {
            var organization = Workspaces.Get(workspaceGid)?["is_organization"]?.GetValue<bool>() == true;
            return AsanaErrors.Bad(organization ? $"assignee: Not a user in Organization: {value}" : $"assignee: Not a user in Workspace: {workspaceGid}");
        }
        task["assignee"] = Ref(user);
        AddFollower(task, user);
        return null;
    }

    // A day field and its date-time twin: setting the date-time also sets the day; setting the day clears the time.
    private static void SetDay(JsonObject task, string dayField, string timeField, Field<string> day, Field<string> time)
    {
        if (time.Present)
        {
            task[timeField] = time.Value;
            task[dayField] = time.Value?[..10];
        }
        else if (day.Present)
        {
            task[dayField] = day.Value;
            task[timeField] = null;
        }
    }

    private static void AddFollower(JsonObject task, JsonObject user)
    {
        if (task["followers"] is not JsonArray followers)
        {
            task["followers"] = followers = [];
        }
        if (!GidsOf(followers).Contains((string)user["gid"]!))
        {
            followers.Add(Ref(user));
        }
    }
}
