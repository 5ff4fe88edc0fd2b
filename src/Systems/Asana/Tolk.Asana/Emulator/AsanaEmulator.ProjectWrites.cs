using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Asana.Emulator;

/// <summary>How a project body is validated and applied, for the API and for a person's edits alike.</summary>
public sealed partial class AsanaEmulator
{
    private const int NotesMax = 65_535;
    private static readonly string[] Colors =
    [
        "dark-pink", "dark-green", "dark-blue", "dark-red", "dark-teal", "dark-brown", "dark-orange", "dark-purple", "dark-warm-gray",
        "light-pink", "light-green", "light-blue", "light-red", "light-teal", "light-brown", "light-orange", "light-purple", "light-warm-gray", "none",
    ];
    private static readonly string[] Views = ["list", "board", "calendar", "timeline"];
    private static readonly string[] Privacy = ["public_to_workspace", "private_to_team", "private"];
    private static readonly HashSet<string> ProjectKnown = new(StringComparer.Ordinal)
    {
        "gid", "resource_type", "name", "archived", "color", "completed", "completed_at", "completed_by", "created_at", "current_status",
        "current_status_update", "custom_field_settings", "custom_fields", "default_view", "due_date", "due_on", "followers", "html_notes",
        "icon", "members", "modified_at", "notes", "owner", "permalink_url", "privacy_setting", "public", "start_on", "team", "workspace",
    };
    private static readonly HashSet<string> ProjectUpdatable = new(StringComparer.Ordinal)
    {
        "name", "notes", "html_notes", "archived", "color", "completed", "default_view", "due_on", "due_date", "start_on", "owner", "team",
        "privacy_setting", "public", "custom_fields",
    };
    private static readonly HashSet<string> ProjectCreatable = new(ProjectUpdatable.Append("workspace").Append("followers"), StringComparer.Ordinal);

    private (JsonObject? Record, ApiResult? Error) CreateProject(JsonObject data, string actor, ChangeOrigin origin)
    {
        if (Input.Disallowed(data, ProjectCreatable, ProjectKnown) is { } disallowed)
        {
            return (null, disallowed);
        }
        var workspaceGid = Input.Gid(data, "workspace");
        var teamGid = Input.Gid(data, "team");
        var followers = Input.GidList(data, "followers", IsUserAlias);
        if ((workspaceGid.Error ?? teamGid.Error ?? followers.Error) is { } error)
        {
            return (null, error);
        }
        JsonObject? team = null;
        if (teamGid.Present)
        {
            (team, var badTeam) = Referenced("team", ResourceTypes.Team, teamGid.Value!);
            if (team is null)
            {
                return (null, badTeam);
            }
        }
        var workspaceId = workspaceGid.Value ?? (string?)team?["organization"]?["gid"];
        if (workspaceId is null)
        {
            return (null, AsanaErrors.Missing("workspace"));
        }
        var (workspace, badWorkspace) = Referenced("workspace", ResourceTypes.Workspace, workspaceId);
        if (workspace is null)
        {
            return (null, badWorkspace);
        }
        if (workspace["is_organization"]?.GetValue<bool>() == true && team is null)
        {
            return (null, AsanaErrors.Bad("Missing required team field"));
        }
        if (!data.ContainsKey("name"))
        {
            return (null, AsanaErrors.Missing("name"));
        }
        var (creator, _) = Referenced("owner", ResourceTypes.User, actor);
        var project = NewProject(_gids.Next(ResourceTypes.Project), "", workspace, null, creator, Now());
        var people = new JsonArray(creator is null ? [] : [Ref(creator)]);
        foreach (var follower in followers.Value ?? [])
        {
            var (user, badUser) = ReferencedUser("followers", follower, actor);
            if (user is null)
            {
                return (null, badUser);
            }
            if (!GidsOf(people).Contains((string)user["gid"]!))
            {
                people.Add(Ref(user));
            }
        }
        project["followers"] = people;
        data.Remove("workspace");
        data.Remove("followers");
        var (created, fault) = WriteProject(project, data, creating: true, actor, origin);
        if (created is not null)
        {
            NewSection(created, origin);
        }
        return (created, fault);
    }

    private (JsonObject? Record, ApiResult? Error) WriteProject(JsonObject project, JsonObject data, bool creating, string actor, ChangeOrigin origin)
    {
        if (!creating && Input.Disallowed(data, ProjectUpdatable, ProjectKnown) is { } disallowed)
        {
            return (null, disallowed);
        }
        var name = Input.Text(data, "name", 1024);
        var archived = Input.Bool(data, "archived");
        var completed = Input.Bool(data, "completed");
        var isPublic = Input.Bool(data, "public");
        var color = Input.Enum(data, "color", Colors, nullable: true);
        var view = Input.Enum(data, "default_view", Views);
        var privacy = Input.Enum(data, "privacy_setting", Privacy);
        var dueOn = Input.Date(data, "due_on");
        var dueDate = Input.Date(data, "due_date");
        var startOn = Input.Date(data, "start_on");
        var owner = Input.Gid(data, "owner", nullable: true, IsUserAlias);
        var team = Input.Gid(data, "team");
        var error = name.Error ?? archived.Error ?? completed.Error ?? isPublic.Error ?? color.Error ?? view.Error ?? privacy.Error
            ?? dueOn.Error ?? dueDate.Error ?? startOn.Error ?? owner.Error ?? team.Error ?? NoCustomFields(data)
            ?? TextWithHtml(data, project, "notes", "html_notes", NotesMax);
        if (error is not null)
        {
            return (null, error);
        }
        if (name.Present)
        {
            if (string.IsNullOrWhiteSpace(name.Value))
            {
                return (null, AsanaErrors.Missing("name"));
            }
            project["name"] = name.Value;
        }
        if (owner.Present)
        {
            var (user, badOwner) = owner.Value is null ? (null, null) : ReferencedUser("owner", owner.Value, actor);
            if (badOwner is not null)
            {
                return (null, badOwner);
            }
            project["owner"] = user is null ? null : Ref(user);
        }
        if (team.Present)
        {
            var (found, badTeam) = Referenced("team", ResourceTypes.Team, team.Value!);
            if (found is null)
            {
                return (null, badTeam);
            }
            if ((string?)found["organization"]?["gid"] != (string?)project["workspace"]?["gid"])
            {
                return (null, AsanaErrors.Bad($"team: Not a team in this project's workspace: {team.Value}"));
            }
            project["team"] = Ref(found);
        }
        SetIf(project, "archived", archived);
        SetIf(project, "color", color);
        SetIf(project, "default_view", view);
        if (privacy.Present || isPublic.Present)
        {
            var setting = privacy.Value ?? (isPublic.Value ? "public_to_workspace" : "private_to_team");
            project["privacy_setting"] = setting;
            project["public"] = setting == "public_to_workspace";
        }
        if (dueOn.Present || dueDate.Present)
        {
            var due = dueOn.Present ? dueOn.Value : dueDate.Value;
            project["due_on"] = due;
            project["due_date"] = due;
        }
        SetIf(project, "start_on", startOn);
        if (completed.Present && completed.Value != project["completed"]?.GetValue<bool>())
        {
            var (by, _) = Referenced("completed_by", ResourceTypes.User, actor);
            project["completed"] = completed.Value;
            project["completed_at"] = completed.Value ? Now() : null;
            project["completed_by"] = completed.Value && by is not null ? Ref(by) : null;
        }
        Save(Projects, project, origin);
        return (project, null);
    }

    private static void SetIf<T>(JsonObject record, string field, Field<T> value)
    {
        if (value.Present)
        {
            record[field] = JsonValue.Create(value.Value);
        }
    }

    private static ApiResult? NoCustomFields(JsonObject data) => data["custom_fields"] switch
    {
        null when !data.ContainsKey("custom_fields") => null,
        JsonObject fields when fields.Count == 0 => null,
        JsonObject fields => AsanaErrors.Bad($"Custom field with ID {fields.First().Key} is not on given object"),
        var other => AsanaErrors.Bad($"custom_fields: Value is not a JSON object: {Input.Show(other)}"),
    };
}
