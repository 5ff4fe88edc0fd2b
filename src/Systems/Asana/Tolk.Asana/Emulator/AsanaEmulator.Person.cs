using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Asana.Emulator;

/// <summary>
/// A person's edits through the admin channel go through the same validation and bookkeeping as API writes, so
/// modification times move and events and webhooks fire exactly as for an edit in Asana's UI.
/// </summary>
public sealed partial class AsanaEmulator
{
    /// <inheritdoc />
    public override (JsonObject? Record, string? Error) PersonCreate(string collection, JsonObject fields)
    {
        var data = References(fields);
        var (record, error) = collection switch
        {
            Collections.Tasks when data.Count == 1 && data.ContainsKey("gid") => Restore(data),
            Collections.Tasks => CreateTask(data, PersonUserGid, ChangeOrigin.Person),
            Collections.Projects => CreateProject(data, PersonUserGid, ChangeOrigin.Person),
            Collections.Teams => CreateTeam(data, PersonUserGid, ChangeOrigin.Person),
            Collections.Users => InviteUser(data),
            _ => (null, AsanaErrors.Bad($"a person cannot create {collection} in Asana")),
        };
        return (record, Message(error));
    }

    /// <inheritdoc />
    public override (JsonObject? Record, string? Error) PersonUpdate(string collection, string id, JsonObject patch)
    {
        var type = ResourceTypes.OfCollection(collection);
        if (type is null || Database.Find(collection)?.Get(id) is not { } record)
        {
            return (null, $"no {collection} record with id '{id}'");
        }
        var data = References(patch);
        var (updated, error) = type switch
        {
            ResourceTypes.Task => UpdateTaskAsPerson(record, data),
            ResourceTypes.Project => WriteProject(record, data, creating: false, PersonUserGid, ChangeOrigin.Person),
            ResourceTypes.Team => WriteTeam(record, data, creating: false, ChangeOrigin.Person),
            ResourceTypes.User => UpdateUser(record, data, ChangeOrigin.Person),
            ResourceTypes.Workspace => UpdateWorkspace(record, data, ChangeOrigin.Person),
            _ => (null, AsanaErrors.Bad($"a person cannot edit {collection} in Asana")),
        };
        return (updated, Message(error));
    }

    /// <inheritdoc />
    public override string? PersonDelete(string collection, string id)
    {
        var table = Database.Find(collection);
        if (table?.Contains(id) != true)
        {
            return $"no {collection} record with id '{id}'";
        }
        switch (collection)
        {
            case Collections.Projects:
                DeleteProject(id, ChangeOrigin.Person);
                return null;
            case Collections.Tasks or Collections.Teams or Collections.Users:
                table.Remove(id, ChangeOrigin.Person);
                foreach (var membership in TeamMemberships.Where(m => (string?)m["team"]?["gid"] == id || (string?)m["user"]?["gid"] == id))
                {
                    TeamMemberships.Remove((string)membership["gid"]!, ChangeOrigin.Person);
                }
                return null;
            default:
                return $"a person cannot delete {collection} in Asana";
        }
    }

    /// <inheritdoc />
    protected override void Touch(string collection, JsonObject record, DateTimeOffset now)
    {
        if (collection is Collections.Tasks or Collections.Projects)
        {
            record["modified_at"] = Stamp(now);
        }
    }

    // In the UI a person can move a task between projects, which the API only does through addProject/removeProject.
    private (JsonObject? Record, ApiResult? Error) UpdateTaskAsPerson(JsonObject task, JsonObject data)
    {
        if (data.TryGetPropertyValue("projects", out var node))
        {
            data.Remove("projects");
            var wanted = Input.GidList(new JsonObject { ["projects"] = node?.DeepClone() }, "projects");
            if (wanted.Error is { } error)
            {
                return (null, error);
            }
            foreach (var gone in GidsOf(task["projects"]).Except(wanted.Value!).ToList())
            {
                MoveTask(task, new JsonObject { ["project"] = gone }, add: false, ChangeOrigin.Person);
            }
            foreach (var added in wanted.Value!.Except(GidsOf(task["projects"])).ToList())
            {
                if (MoveTask(task, new JsonObject { ["project"] = added }, add: true, ChangeOrigin.Person) is { } bad)
                {
                    return (null, bad);
                }
            }
        }
        return WriteTask(task, data, creating: false, PersonUserGid, ChangeOrigin.Person);
    }

    private (JsonObject? Record, ApiResult? Error) InviteUser(JsonObject data)
    {
        var name = Input.Text(data, "name", 1024);
        var email = Input.Text(data, "email", 320);
        if ((name.Error ?? email.Error) is { } error)
        {
            return (null, error);
        }
        if (string.IsNullOrWhiteSpace(name.Value) || string.IsNullOrWhiteSpace(email.Value))
        {
            return (null, AsanaErrors.Missing(string.IsNullOrWhiteSpace(name.Value) ? "name" : "email"));
        }
        var organization = Workspaces.Where(w => w["is_organization"]?.GetValue<bool>() == true) is [var first, ..] ? first : null;
        var user = NewUser(_gids.Next(ResourceTypes.User), name.Value!, email.Value!, organization is null ? [] : [organization]);
        Users.Put((string)user["gid"]!, user, ChangeOrigin.Person);
        return (user, null);
    }

    private static JsonObject NewUser(string gid, string name, string email, IEnumerable<JsonObject> workspaces) => new()
    {
        ["gid"] = gid,
        ["resource_type"] = ResourceTypes.User,
        ["name"] = name,
        ["email"] = email,
        ["photo"] = null,
        ["workspaces"] = new JsonArray(workspaces.Select(w => (JsonNode)Ref(w)).ToArray()),
    };

    // The admin channel shows records as the API does, so a person may send references as compact objects.
    private static JsonObject References(JsonObject fields)
    {
        var data = new JsonObject();
        foreach (var (key, value) in fields)
        {
            data[key] = value switch
            {
                JsonObject reference when reference["gid"] is JsonValue gid => gid.DeepClone(),
                JsonArray list => new JsonArray(list.Select(i => i is JsonObject r && r["gid"] is JsonValue g ? g.DeepClone() : i?.DeepClone()).ToArray()),
                _ => value?.DeepClone(),
            };
        }
        return data;
    }

    private static string? Message(ApiResult? error) => (string?)error?.Body["errors"]?[0]?["message"];
}
