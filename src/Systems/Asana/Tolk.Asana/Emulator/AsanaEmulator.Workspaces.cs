using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Asana.Emulator;

/// <summary>Workspaces: list the caller's, read one, rename one. Asana has no create or delete for them.</summary>
public sealed partial class AsanaEmulator
{
    private static readonly HashSet<string> WorkspaceWritable = new(StringComparer.Ordinal) { "name" };
    private static readonly HashSet<string> WorkspaceKnown = new(StringComparer.Ordinal) { "gid", "resource_type", "name", "email_domains", "is_organization" };

    private IEnumerable<ApiRoute> WorkspaceRoutes() =>
    [
        ApiRoute.Sync("GET", "/workspaces", request =>
        {
            var mine = WorkspacesOf(request.UserGid);
            return List(request, Workspaces.Where(w => mine.Contains((string)w["gid"]!)));
        }),
        ApiRoute.Sync("GET", "/workspaces/{gid}", request => GetOne(ResourceTypes.Workspace, request)),
        ApiRoute.Sync("PUT", "/workspaces/{gid}", request =>
        {
            var (workspace, error) = Load(ResourceTypes.Workspace, request.Gid);
            if (workspace is null)
            {
                return error!;
            }
            var (updated, fault) = UpdateWorkspace(workspace, request.Data ?? [], ChangeOrigin.Api);
            return fault ?? Full(updated!, request);
        }),
    ];

    private (JsonObject? Record, ApiResult? Error) UpdateWorkspace(JsonObject workspace, JsonObject data, ChangeOrigin origin)
    {
        if (Input.Disallowed(data, WorkspaceWritable, WorkspaceKnown) is { } disallowed)
        {
            return (null, disallowed);
        }
        var name = Input.Text(data, "name", 1024);
        if (name.Error is { } error)
        {
            return (null, error);
        }
        if (name.Present)
        {
            if (string.IsNullOrWhiteSpace(name.Value))
            {
                return (null, AsanaErrors.Missing("name"));
            }
            workspace["name"] = name.Value;
        }
        Save(Workspaces, workspace, origin);
        return (workspace, null);
    }
}
