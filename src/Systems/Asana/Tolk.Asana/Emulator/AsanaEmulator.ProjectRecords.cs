using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Asana.Emulator;

/// <summary>New project and section records in the API's own shape, as Asana fills them in.</summary>
public sealed partial class AsanaEmulator
{
    private static JsonObject NewProject(string gid, string name, JsonObject workspace, JsonObject? team, JsonObject? owner, string createdAt) => new()
    {
        ["gid"] = gid,
        ["resource_type"] = ResourceTypes.Project,
        ["name"] = name,
        ["archived"] = false,
        ["color"] = null,
        ["completed"] = false,
        ["completed_at"] = null,
        ["completed_by"] = null,
        ["created_at"] = createdAt,
        ["current_status"] = null,
        ["current_status_update"] = null,
        ["custom_field_settings"] = new JsonArray(),
        ["custom_fields"] = new JsonArray(),
        ["default_view"] = "list",
        ["due_date"] = null,
        ["due_on"] = null,
        ["followers"] = new JsonArray(owner is null ? [] : [Ref(owner)]),
        ["html_notes"] = Html(""),
        ["icon"] = "list",
        ["members"] = new JsonArray(owner is null ? [] : [Ref(owner)]),
        ["modified_at"] = createdAt,
        ["notes"] = "",
        ["owner"] = owner is null ? null : Ref(owner),
        ["permalink_url"] = $"https://app.asana.com/0/{gid}/{gid}",
        ["privacy_setting"] = "public_to_workspace",
        ["public"] = true,
        ["start_on"] = null,
        ["team"] = team is null ? null : Ref(team),
        ["workspace"] = Ref(workspace),
    };

    private JsonObject NewSection(JsonObject project, ChangeOrigin origin)
    {
        var gid = _gids.Next(ResourceTypes.Section);
        var section = new JsonObject
        {
            ["gid"] = gid,
            ["resource_type"] = ResourceTypes.Section,
            ["name"] = "Untitled section",
            ["created_at"] = project["created_at"]?.DeepClone(),
            ["project"] = Ref(project),
        };
        Sections.Put(gid, section, origin);
        return section;
    }
}
