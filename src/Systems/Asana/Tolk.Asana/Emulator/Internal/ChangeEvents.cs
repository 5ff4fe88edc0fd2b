using System.Text.Json.Nodes;
using Tolk.Emulation.Data;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>One event a change makes: its action, the parent it happened in, and the field change.</summary>
internal readonly record struct EventShape(string Action, JsonObject? Parent, JsonObject? Change);

/// <summary>
/// Turns a record change into Asana events: <c>added</c> to its containers on create, <c>changed</c> per field,
/// <c>added</c>/<c>removed</c> when a task joins or leaves a project, <c>deleted</c>; and says who sees them.
/// </summary>
internal static class ChangeEvents
{
    // Derived or bookkeeping fields: Asana reports the field a person changed, not its echoes.
    private static readonly HashSet<string> Quiet = new(StringComparer.Ordinal)
    {
        "modified_at", "created_at", "completed_at", "completed_by", "html_notes", "html_description", "permalink_url", "num_subtasks",
        "memberships", "projects", "due_date", "public", "gid", "resource_type",
    };

    /// <summary>The events of one change.</summary>
    public static IReadOnlyList<EventShape> Describe(RecordChange change)
    {
        switch (change.Kind)
        {
            case ChangeKind.Created:
                var containers = Containers(change.After!).ToList();
                return containers.Count == 0 ? [new EventShape("added", null, null)] : containers.Select(c => new EventShape("added", c, null)).ToList();
            case ChangeKind.Deleted:
                return [new EventShape("deleted", null, null)];
        }
        var before = change.Before!;
        var after = change.After!;
        var events = new List<EventShape>();
        var wasIn = Refs(before["projects"]);
        var isIn = Refs(after["projects"]);
        foreach (var (_, project) in wasIn.Where(p => !isIn.ContainsKey(p.Key)))
        {
            events.Add(new EventShape("removed", project, null));
            events.Add(new EventShape("changed", null, new JsonObject { ["field"] = "projects", ["action"] = "removed", ["removed_value"] = project.DeepClone() }));
        }
        foreach (var (_, project) in isIn.Where(p => !wasIn.ContainsKey(p.Key)))
        {
            events.Add(new EventShape("added", project, null));
            events.Add(new EventShape("changed", null, new JsonObject { ["field"] = "projects", ["action"] = "added", ["added_value"] = project.DeepClone() }));
        }
        foreach (var field in before.Select(p => p.Key).Union(after.Select(p => p.Key)).Where(f => !Quiet.Contains(f)))
        {
            if (JsonNode.DeepEquals(before[field], after[field]))
            {
                continue;
            }
            if (IsReferenceList(before[field]) && IsReferenceList(after[field]))
            {
                // Lists of people and places change by membership: Asana reports each one added or removed.
                var (was, now) = (Refs(before[field]), Refs(after[field]));
                events.AddRange(now.Where(r => !was.ContainsKey(r.Key)).Select(r => new EventShape("changed", null,
                    new JsonObject { ["field"] = field, ["action"] = "added", ["added_value"] = r.Value.DeepClone() })));
                events.AddRange(was.Where(r => !now.ContainsKey(r.Key)).Select(r => new EventShape("changed", null,
                    new JsonObject { ["field"] = field, ["action"] = "removed", ["removed_value"] = r.Value.DeepClone() })));
                continue;
            }
            events.Add(new EventShape("changed", null,
                new JsonObject { ["field"] = field, ["action"] = "changed", ["new_value"] = after[field]?.DeepClone() }));
        }
        return events;
    }

    /// <summary>The gids of every resource whose events include this change: it bubbles up to its containers.</summary>
    public static IReadOnlyList<string> Scopes(RecordChange change)
    {
        var scopes = new HashSet<string>(StringComparer.Ordinal) { change.Id };
        foreach (var record in new[] { change.Before, change.After }.OfType<JsonObject>())
        {
            foreach (var container in Containers(record))
            {
                scopes.Add((string)container["gid"]!);
            }
            if ((string?)record["workspace"]?["gid"] is { } workspace)
            {
                scopes.Add(workspace);
            }
        }
        return [.. scopes];
    }

    private static IEnumerable<JsonObject> Containers(JsonObject record) => (string?)record["resource_type"] switch
    {
        ResourceTypes.Task => Refs(record["projects"]).Values.Concat(record["parent"] is JsonObject parent ? [parent] : []),
        ResourceTypes.Project => record["team"] is JsonObject team ? [team] : record["workspace"] is JsonObject ws ? [ws] : [],
        ResourceTypes.Team => record["organization"] is JsonObject organization ? [organization] : [],
        ResourceTypes.User => Refs(record["workspaces"]).Values,
        _ => [],
    };

    private static bool IsReferenceList(JsonNode? node) =>
        node is JsonArray array && array.All(item => item is JsonObject r && r["gid"] is JsonValue && r["resource_type"] is JsonValue);

    private static Dictionary<string, JsonObject> Refs(JsonNode? list) =>
        list is JsonArray array
            ? array.OfType<JsonObject>().Where(r => r["gid"] is not null).DistinctBy(r => (string)r["gid"]!).ToDictionary(r => (string)r["gid"]!, r => r)
            : [];
}
