using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Asana.Emulator;

/// <summary>Tasks: listed by project, section or assignee + workspace (with modified_since and completed_since), read,
/// created, updated, moved between projects and deleted.</summary>
public sealed partial class AsanaEmulator
{
    private static readonly string[] TaskFilters = ["project", "section", "tag"];
    private const string OneFilter = "Must specify exactly one of project, tag, section, user task list, or assignee + workspace";

    private IEnumerable<ApiRoute> TaskRoutes() =>
    [
        ApiRoute.Sync("GET", "/tasks", ListTasks),
        ApiRoute.Sync("GET", "/projects/{gid}/tasks", request =>
        {
            var (project, error) = Load(ResourceTypes.Project, request.Gid);
            return project is null ? error! : FilteredTasks(request, t => GidsOf(t["projects"]).Contains(request.Gid), modifiedSince: false);
        }),
        ApiRoute.Sync("GET", "/sections/{gid}/tasks", request =>
        {
            var (section, error) = Load(ResourceTypes.Section, request.Gid);
            return section is null ? error! : FilteredTasks(request, t => InSection(t, request.Gid), modifiedSince: false);
        }),
        ApiRoute.Sync("GET", "/tasks/{gid}", request => GetOne(ResourceTypes.Task, request)),
        ApiRoute.Sync("POST", "/tasks", request =>
        {
            var (task, error) = CreateTask(request.Data ?? [], request.UserGid, ChangeOrigin.Api);
            return error ?? CreatedResult(task!, request, "tasks");
        }),
        ApiRoute.Sync("PUT", "/tasks/{gid}", request =>
        {
            var (task, error) = Load(ResourceTypes.Task, request.Gid);
            if (task is null)
            {
                return error!;
            }
            var (updated, fault) = WriteTask(task, request.Data ?? [], creating: false, request.UserGid, ChangeOrigin.Api);
            return fault ?? Full(updated!, request);
        }),
        ApiRoute.Sync("DELETE", "/tasks/{gid}", request =>
        {
            var (task, error) = Load(ResourceTypes.Task, request.Gid);
            if (task is null)
            {
                return error!;
            }
            Tasks.Remove(request.Gid, ChangeOrigin.Api);
            return ApiResult.Empty();
        }),
        ApiRoute.Sync("POST", "/tasks/{gid}/addProject", request => ChangeProject(request, add: true)),
        ApiRoute.Sync("POST", "/tasks/{gid}/removeProject", request => ChangeProject(request, add: false)),
    ];

    private ApiResult ListTasks(ApiRequest request)
    {
        var filters = TaskFilters.Count(request.HasParam) + (request.HasParam("assignee") ? 1 : 0);
        if (filters == 1 && request.HasParam("assignee") && !request.HasParam("workspace"))
        {
            return AsanaErrors.Missing("workspace");
        }
        if (filters != 1)
        {
            return AsanaErrors.Bad(OneFilter);
        }
        if (request.Param("project") is { } projectGid)
        {
            var (project, error) = Referenced("project", ResourceTypes.Project, projectGid);
            return project is null ? error! : FilteredTasks(request, t => GidsOf(t["projects"]).Contains(projectGid), modifiedSince: true);
        }
        if (request.Param("section") is { } sectionGid)
        {
            var (section, error) = Referenced("section", ResourceTypes.Section, sectionGid);
            return section is null ? error! : FilteredTasks(request, t => InSection(t, sectionGid), modifiedSince: true);
        }
        if (request.Param("tag") is { } tag)
        {
            // The emulator has no tags, so every tag is unknown.
            return Gids.IsWellFormed(tag) ? AsanaErrors.Bad($"tag: Unknown object: {tag}") : AsanaErrors.Bad($"tag: Not a recognized ID: {tag}");
        }
        var (workspace, badWorkspace) = Referenced("workspace", ResourceTypes.Workspace, request.Param("workspace")!);
        if (workspace is null)
        {
            return badWorkspace!;
        }
        var (assignee, badAssignee) = ReferencedUser("assignee", request.Param("assignee")!, request.UserGid);
        if (assignee is null)
        {
            return badAssignee!;
        }
        var (userGid, workspaceGid) = ((string)assignee["gid"]!, (string)workspace["gid"]!);
        return FilteredTasks(request,
            t => (string?)t["assignee"]?["gid"] == userGid && (string?)t["workspace"]?["gid"] == workspaceGid, modifiedSince: true);
    }

    private ApiResult FilteredTasks(ApiRequest request, Func<JsonObject, bool> filter, bool modifiedSince)
    {
        var (completedSince, badCompleted) = SinceParam(request, "completed_since", allowNow: true);
        var (modified, badModified) = modifiedSince ? SinceParam(request, "modified_since", allowNow: false) : (null, null);
        if ((badCompleted ?? badModified) is { } error)
        {
            return error;
        }
        return List(request, Tasks.Where(t => filter(t)
            && (completedSince is null || t["completed"]?.GetValue<bool>() != true || Stamps.Parse((string?)t["completed_at"]) >= completedSince)
            && (modified is null || Stamps.Parse((string?)t["modified_at"]) >= modified)));
    }

    private static (DateTimeOffset? Since, ApiResult? Error) SinceParam(ApiRequest request, string name, bool allowNow)
    {
        var raw = request.Param(name);
        if (raw is null)
        {
            return (null, null);
        }
        if (allowNow && raw == "now")
        {
            return (DateTimeOffset.MaxValue, null);
        }
        return Stamps.Parse(raw) is { } at ? (at, null) : (null, AsanaErrors.Bad($"{name}: Date-time must be in ISO-8601 format, not: {raw}"));
    }

    private ApiResult ChangeProject(ApiRequest request, bool add)
    {
        var (task, error) = Load(ResourceTypes.Task, request.Gid);
        if (task is null)
        {
            return error!;
        }
        var data = request.Data ?? [];
        var allowed = add ? AddProjectFields : RemoveProjectFields;
        var fault = Input.Disallowed(data, allowed, allowed) ?? MoveTask(task, data, add, ChangeOrigin.Api);
        return fault ?? ApiResult.Empty();
    }

    private static bool InSection(JsonObject task, string sectionGid) =>
        task["memberships"] is JsonArray memberships && memberships.Any(m => (string?)m?["section"]?["gid"] == sectionGid);
}
