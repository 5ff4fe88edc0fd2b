using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Asana.Emulator;

/// <summary>Teams: listed per organization (there is no <c>GET /teams</c>), read, created and updated; never deleted.</summary>
public sealed partial class AsanaEmulator
{
    private const int DescriptionMax = 32_768;
    private static readonly string[] Visibilities = ["secret", "request_to_join", "public"];
    private static readonly HashSet<string> TeamKnown = new(StringComparer.Ordinal)
    {
        "gid", "resource_type", "name", "description", "html_description", "organization", "permalink_url", "visibility",
    };
    private static readonly HashSet<string> TeamCreatable = new(StringComparer.Ordinal) { "name", "description", "html_description", "organization", "visibility" };
    private static readonly HashSet<string> TeamUpdatable = new(StringComparer.Ordinal) { "name", "description", "html_description", "visibility" };

    private IEnumerable<ApiRoute> TeamRoutes() =>
    [
        ApiRoute.Sync("GET", "/workspaces/{gid}/teams", request =>
        {
            var (workspace, error) = Load(ResourceTypes.Workspace, request.Gid);
            return workspace is null ? error! : List(request, Teams.Where(t => (string?)t["organization"]?["gid"] == request.Gid));
        }),
        ApiRoute.Sync("GET", "/teams/{gid}", request => GetOne(ResourceTypes.Team, request)),
        ApiRoute.Sync("POST", "/teams", request =>
        {
            var (team, error) = CreateTeam(request.Data ?? [], request.UserGid, ChangeOrigin.Api);
            return error ?? CreatedResult(team!, request, "teams");
        }),
        ApiRoute.Sync("PUT", "/teams/{gid}", request =>
        {
            var (team, error) = Load(ResourceTypes.Team, request.Gid);
            if (team is null)
            {
                return error!;
            }
            var (updated, fault) = WriteTeam(team, request.Data ?? [], creating: false, ChangeOrigin.Api);
            return fault ?? Full(updated!, request);
        }),
    ];

    private (JsonObject? Record, ApiResult? Error) CreateTeam(JsonObject data, string creatorGid, ChangeOrigin origin)
    {
        if (Input.Disallowed(data, TeamCreatable, TeamKnown) is { } disallowed)
        {
            return (null, disallowed);
        }
        var organization = Input.Gid(data, "organization");
        if (organization.Error is { } error)
        {
            return (null, error);
        }
        if (!organization.Present)
        {
            return (null, AsanaErrors.Missing("organization"));
        }
        var (workspace, unknown) = Referenced("organization", ResourceTypes.Workspace, organization.Value!);
        if (workspace is null)
        {
            return (null, unknown);
        }
        if (workspace["is_organization"]?.GetValue<bool>() != true)
        {
            return (null, AsanaErrors.Bad($"organization: Not an organization: {organization.Value}"));
        }
        if (!data.ContainsKey("name"))
        {
            return (null, AsanaErrors.Missing("name"));
        }
        var team = NewTeam(_gids.Next(ResourceTypes.Team), "", "", workspace, "request_to_join");
        var (created, fault) = WriteTeam(team, data, creating: true, origin);
        if (created is not null)
        {
            AddTeamMember(created, creatorGid, origin);
        }
        return (created, fault);
    }

    private (JsonObject? Record, ApiResult? Error) WriteTeam(JsonObject team, JsonObject data, bool creating, ChangeOrigin origin)
    {
        if (!creating && Input.Disallowed(data, TeamUpdatable, TeamKnown) is { } disallowed)
        {
            return (null, disallowed);
        }
        var name = Input.Text(data, "name", 1024);
        var visibility = Input.Enum(data, "visibility", Visibilities);
        if ((name.Error ?? visibility.Error ?? TextWithHtml(data, team, "description", "html_description", DescriptionMax)) is { } error)
        {
            return (null, error);
        }
        if (name.Present)
        {
            if (string.IsNullOrWhiteSpace(name.Value))
            {
                return (null, AsanaErrors.Missing("name"));
            }
            team["name"] = name.Value;
        }
        if (visibility.Present)
        {
            team["visibility"] = visibility.Value;
        }
        Save(Teams, team, origin);
        return (team, null);
    }

    private static JsonObject NewTeam(string gid, string name, string description, JsonObject organization, string visibility) => new()
    {
        ["gid"] = gid,
        ["resource_type"] = ResourceTypes.Team,
        ["name"] = name,
        ["description"] = description,
        ["html_description"] = Html(description),
        ["organization"] = Ref(organization),
        ["permalink_url"] = $"https://app.asana.com/0/team/{gid}",
        ["visibility"] = visibility,
    };

    private void AddTeamMember(JsonObject team, string userGid, ChangeOrigin origin)
    {
        if (Users.Get(userGid) is not { } user)
        {
            return;
        }
        var gid = _gids.Next(ResourceTypes.TeamMembership);
        TeamMemberships.Put(gid, new JsonObject
        {
            ["gid"] = gid,
            ["resource_type"] = ResourceTypes.TeamMembership,
            ["user"] = Ref(user),
            ["team"] = Ref(team),
            ["is_guest"] = false,
            ["is_limited_access"] = false,
            ["is_admin"] = false,
        }, origin);
    }
}
