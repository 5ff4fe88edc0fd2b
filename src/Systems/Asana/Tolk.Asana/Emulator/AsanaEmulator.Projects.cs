using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Asana.Emulator;

/// <summary>Projects: listed by workspace or team (with <c>archived</c>), read, created, updated and deleted.</summary>
public sealed partial class AsanaEmulator
{
    private IEnumerable<ApiRoute> ProjectRoutes() =>
    [
        ApiRoute.Sync("GET", "/projects", request =>
        {
            var (filter, error) = ProjectFilter(request, request.Param("workspace"), request.Param("team"));
            if (error is not null)
            {
                return error;
            }
            var mine = WorkspacesOf(request.UserGid);
            return List(request, Projects.Where(p => mine.Contains((string)p["workspace"]!["gid"]!) && filter!(p)));
        }),
        ApiRoute.Sync("GET", "/teams/{gid}/projects", request =>
        {
            var (team, missing) = Load(ResourceTypes.Team, request.Gid);
            var (filter, error) = team is null ? (null, missing) : ProjectFilter(request, null, request.Gid);
            return error ?? List(request, Projects.Where(filter!));
        }),
        ApiRoute.Sync("GET", "/workspaces/{gid}/projects", request =>
        {
            var (workspace, missing) = Load(ResourceTypes.Workspace, request.Gid);
            var (filter, error) = workspace is null ? (null, missing) : ProjectFilter(request, request.Gid, null);
            return error ?? List(request, Projects.Where(filter!));
        }),
        ApiRoute.Sync("GET", "/projects/{gid}", request => GetOne(ResourceTypes.Project, request)),
        ApiRoute.Sync("POST", "/projects", request => CreateProjectResult(request, request.Data ?? [])),
        ApiRoute.Sync("POST", "/workspaces/{gid}/projects", request =>
        {
            var (workspace, error) = Load(ResourceTypes.Workspace, request.Gid);
            var data = request.Data ?? [];
            data["workspace"] = request.Gid;
            return workspace is null ? error! : CreateProjectResult(request, data);
        }),
        ApiRoute.Sync("POST", "/teams/{gid}/projects", request =>
        {
            var (team, error) = Load(ResourceTypes.Team, request.Gid);
            var data = request.Data ?? [];
            data["team"] = request.Gid;
            return team is null ? error! : CreateProjectResult(request, data);
        }),
        ApiRoute.Sync("PUT", "/projects/{gid}", request =>
        {
            var (project, error) = Load(ResourceTypes.Project, request.Gid);
            if (project is null)
            {
                return error!;
            }
            var (updated, fault) = WriteProject(project, request.Data ?? [], creating: false, request.UserGid, ChangeOrigin.Api);
            return fault ?? Full(updated!, request);
        }),
        ApiRoute.Sync("DELETE", "/projects/{gid}", request =>
        {
            var (project, error) = Load(ResourceTypes.Project, request.Gid);
            if (project is null)
            {
                return error!;
            }
            DeleteProject(request.Gid, ChangeOrigin.Api);
            return ApiResult.Empty();
        }),
    ];

    private ApiResult CreateProjectResult(ApiRequest request, JsonObject data)
    {
        var (project, error) = CreateProject(data, request.UserGid, ChangeOrigin.Api);
        return error ?? CreatedResult(project!, request, "projects");
    }

    private (Func<JsonObject, bool>? Filter, ApiResult? Error) ProjectFilter(ApiRequest request, string? workspace, string? team)
    {
        if (workspace is not null && Referenced("workspace", ResourceTypes.Workspace, workspace).Error is { } badWorkspace)
        {
            return (null, badWorkspace);
        }
        if (team is not null && Referenced("team", ResourceTypes.Team, team).Error is { } badTeam)
        {
            return (null, badTeam);
        }
        bool? archived = null;
        if (request.Param("archived") is { } raw)
        {
            if (raw is not ("true" or "false"))
            {
                return (null, AsanaErrors.Bad($"archived: Value is not a boolean: {raw}"));
            }
            archived = raw == "true";
        }
        return (p => (workspace is null || (string?)p["workspace"]?["gid"] == workspace)
                && (team is null || (string?)p["team"]?["gid"] == team)
                && (archived is null || p["archived"]?.GetValue<bool>() == archived), null);
    }

    private void DeleteProject(string gid, ChangeOrigin origin)
    {
        Projects.Remove(gid, origin);
        foreach (var section in Sections.Where(s => (string?)s["project"]?["gid"] == gid))
        {
            Sections.Remove((string)section["gid"]!, origin);
        }
        // Tasks only in the deleted project go with it; tasks also in other projects just leave it.
        foreach (var task in Tasks.Where(t => GidsOf(t["projects"]).Contains(gid)))
        {
            var taskGid = (string)task["gid"]!;
            if (GidsOf(task["projects"]).All(p => p == gid))
            {
                Tasks.Remove(taskGid, origin);
                continue;
            }
            RemoveFromProject(task, gid);
            Save(Tasks, task, origin);
        }
    }
}
