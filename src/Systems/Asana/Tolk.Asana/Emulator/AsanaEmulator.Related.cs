using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;

namespace Tolk.Asana.Emulator;

/// <summary>
/// Listings of one record's relations that Asana's official clients offer beside the main ones: a project's sections,
/// a task's subtasks and projects, a user's teams, and a user looked up in a workspace or by email.
/// </summary>
public sealed partial class AsanaEmulator
{
    private IEnumerable<ApiRoute> RelatedRoutes() =>
    [
        ApiRoute.Sync("GET", "/projects/{gid}/sections", request =>
        {
            var (project, error) = Load(ResourceTypes.Project, request.Gid);
            return project is null ? error! : List(request, Sections.Where(s => (string?)s["project"]?["gid"] == request.Gid));
        }),
        ApiRoute.Sync("GET", "/sections/{gid}", request => GetOne(ResourceTypes.Section, request)),
        ApiRoute.Sync("GET", "/tasks/{gid}/subtasks", request =>
        {
            var (task, error) = Load(ResourceTypes.Task, request.Gid);
            return task is null ? error! : List(request, Tasks.Where(t => (string?)t["parent"]?["gid"] == request.Gid));
        }),
        ApiRoute.Sync("GET", "/tasks/{gid}/projects", request =>
        {
            var (task, error) = Load(ResourceTypes.Task, request.Gid);
            if (task is null)
            {
                return error!;
            }
            var gids = GidsOf(task["projects"]).ToHashSet(StringComparer.Ordinal);
            return List(request, Projects.Where(p => gids.Contains((string)p["gid"]!)));
        }),
        ApiRoute.Sync("GET", "/users/{gid}/teams", request =>
        {
            var (user, error) = PathUser(request);
            if (user is null)
            {
                return error!;
            }
            if (request.Param("organization") is not { } organization)
            {
                return AsanaErrors.Missing("organization");
            }
            var (workspace, unknown) = Referenced("organization", ResourceTypes.Workspace, organization);
            if (workspace is null)
            {
                return unknown!;
            }
            var userGid = (string)user["gid"]!;
            var teams = TeamMemberships.Where(m => (string?)m["user"]?["gid"] == userGid).Select(m => (string)m["team"]!["gid"]!).ToHashSet(StringComparer.Ordinal);
            return List(request, Teams.Where(t => teams.Contains((string)t["gid"]!) && (string?)t["organization"]?["gid"] == organization));
        }),
        ApiRoute.Sync("GET", "/workspaces/{workspace_gid}/users/{gid}", request =>
        {
            var (workspace, error) = Load(ResourceTypes.Workspace, request.Route["workspace_gid"]);
            if (workspace is null)
            {
                return error!;
            }
            var (user, missing) = PathUser(request);
            if (user is null)
            {
                return missing!;
            }
            return GidsOf(user["workspaces"]).Contains(request.Route["workspace_gid"])
                ? Full(user, request)
                : AsanaErrors.NotFound(ResourceTypes.User, (string)user["gid"]!);
        }),
    ];

    /// <summary>The user a path names as Asana allows there: "me", an email, or a gid.</summary>
    private (JsonObject? User, ApiResult? Error) PathUser(ApiRequest request)
    {
        var value = request.Gid;
        if (value == "me")
        {
            return Load(ResourceTypes.User, request.UserGid);
        }
        if (value.Contains('@', StringComparison.Ordinal))
        {
            return Users.Where(u => string.Equals((string?)u["email"], value, StringComparison.OrdinalIgnoreCase)) is [var found, ..]
                ? (found, null)
                : (null, AsanaErrors.NotFound(ResourceTypes.User, value));
        }
        return Load(ResourceTypes.User, value);
    }
}
