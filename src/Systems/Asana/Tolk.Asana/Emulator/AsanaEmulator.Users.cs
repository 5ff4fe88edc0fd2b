using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Asana.Emulator;

/// <summary>Users: listed by workspace or team (sorted by gid), read (by gid, email or <c>me</c>), renamed. Email is read-only.</summary>
public sealed partial class AsanaEmulator
{
    private static readonly HashSet<string> UserKnown = new(StringComparer.Ordinal) { "gid", "resource_type", "name", "email", "photo", "workspaces" };
    private static readonly HashSet<string> UserWritable = new(StringComparer.Ordinal) { "name" };
    private static readonly HashSet<string> UserPersonWritable = new(StringComparer.Ordinal) { "name", "email" };

    private IEnumerable<ApiRoute> UserRoutes() =>
    [
        ApiRoute.Sync("GET", "/users", request =>
        {
            if (request.Param("team") is { } team)
            {
                return UsersOfTeam(request, "team", team);
            }
            if (request.Param("workspace") is { } workspace)
            {
                var (found, error) = Referenced("workspace", ResourceTypes.Workspace, workspace);
                return found is null ? error! : List(request, UsersIn(workspace));
            }
            var mine = WorkspacesOf(request.UserGid);
            return List(request, Users.Where(u => GidsOf(u["workspaces"]).Any(mine.Contains)));
        }),
        ApiRoute.Sync("GET", "/users/{gid}", request =>
        {
            var (user, error) = PathUser(request);
            return user is null ? error! : Full(user, request);
        }),
        ApiRoute.Sync("PUT", "/users/{gid}", request =>
        {
            var (user, error) = PathUser(request);
            if (user is null)
            {
                return error!;
            }
            var (updated, fault) = UpdateUser(user, request.Data ?? [], ChangeOrigin.Api);
            return fault ?? Full(updated!, request);
        }),
        ApiRoute.Sync("GET", "/workspaces/{gid}/users", request =>
        {
            var (workspace, error) = Load(ResourceTypes.Workspace, request.Gid);
            return workspace is null ? error! : List(request, UsersIn(request.Gid));
        }),
        ApiRoute.Sync("GET", "/teams/{gid}/users", request =>
        {
            var (team, error) = Load(ResourceTypes.Team, request.Gid);
            return team is null ? error! : UsersOfTeam(request, "team", request.Gid);
        }),
    ];

    private ApiResult UsersOfTeam(ApiRequest request, string field, string teamGid)
    {
        var (team, error) = Referenced(field, ResourceTypes.Team, teamGid);
        if (team is null)
        {
            return error!;
        }
        var members = TeamMemberships.Where(m => (string?)m["team"]?["gid"] == teamGid).Select(m => (string)m["user"]!["gid"]!).ToHashSet(StringComparer.Ordinal);
        return List(request, Users.Where(u => members.Contains((string)u["gid"]!)));
    }

    private IReadOnlyList<JsonObject> UsersIn(string workspaceGid) => Users.Where(u => GidsOf(u["workspaces"]).Contains(workspaceGid));

    private (JsonObject? Record, ApiResult? Error) UpdateUser(JsonObject user, JsonObject data, ChangeOrigin origin)
    {
        var writable = origin == ChangeOrigin.Person ? UserPersonWritable : UserWritable;
        if (Input.Disallowed(data, writable, UserKnown) is { } disallowed)
        {
            return (null, disallowed);
        }
        var name = Input.Text(data, "name", 1024);
        var email = Input.Text(data, "email", 320);
        if ((name.Error ?? email.Error) is { } error)
        {
            return (null, error);
        }
        if (name.Present)
        {
            if (string.IsNullOrWhiteSpace(name.Value))
            {
                return (null, AsanaErrors.Missing("name"));
            }
            user["name"] = name.Value;
        }
        if (email.Present)
        {
            user["email"] = email.Value;
        }
        Save(Users, user, origin);
        return (user, null);
    }

    /// <summary>The gids of a list of references.</summary>
    internal static IEnumerable<string> GidsOf(JsonNode? references) =>
        references is JsonArray array ? array.Select(r => (string?)r?["gid"]).OfType<string>() : [];
}
