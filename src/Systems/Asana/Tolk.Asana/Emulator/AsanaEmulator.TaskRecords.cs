using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;

namespace Tolk.Asana.Emulator;

/// <summary>A new task record in the API's own shape, as Asana fills it in.</summary>
public sealed partial class AsanaEmulator
{
    private static JsonObject NewTask(string gid, string name, JsonObject workspace, IReadOnlyList<Placement> placements, JsonObject? creator, string createdAt)
    {
        var task = new JsonObject
        {
            ["gid"] = gid,
            ["resource_type"] = ResourceTypes.Task,
            ["name"] = name,
            ["resource_subtype"] = "default_task",
            ["created_by"] = creator is null ? null : new JsonObject { ["gid"] = creator["gid"]!.DeepClone(), ["resource_type"] = ResourceTypes.User },
            ["assignee"] = null,
            ["completed"] = false,
            ["completed_at"] = null,
            ["completed_by"] = null,
            ["created_at"] = createdAt,
            ["custom_fields"] = new JsonArray(),
            ["dependencies"] = new JsonArray(),
            ["dependents"] = new JsonArray(),
            ["due_at"] = null,
            ["due_on"] = null,
            ["followers"] = new JsonArray(creator is null ? [] : [Ref(creator)]),
            ["hearted"] = false,
            ["hearts"] = new JsonArray(),
            ["html_notes"] = Html(""),
            ["is_rendered_as_separator"] = false,
            ["liked"] = false,
            ["likes"] = new JsonArray(),
            ["memberships"] = new JsonArray(),
            ["modified_at"] = createdAt,
            ["notes"] = "",
            ["num_hearts"] = 0,
            ["num_likes"] = 0,
            ["num_subtasks"] = 0,
            ["parent"] = null,
            ["permalink_url"] = $"https://app.asana.com/0/{(placements.Count > 0 ? placements[0].Project["gid"] : "0")}/{gid}",
            ["projects"] = new JsonArray(),
            ["start_at"] = null,
            ["start_on"] = null,
            ["tags"] = new JsonArray(),
            ["workspace"] = Ref(workspace),
        };
        foreach (var placement in placements)
        {
            AddPlacement(task, placement);
        }
        return task;
    }
}
