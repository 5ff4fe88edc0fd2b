using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Asana.Emulator;

/// <summary>A task's place in projects: its <c>projects</c> and <c>memberships</c>, kept in step.</summary>
public sealed partial class AsanaEmulator
{
    /// <summary>A task's place in one project: the project and the section it sits in.</summary>
    private readonly record struct Placement(JsonObject Project, JsonObject Section);

    private (List<Placement> Placements, ApiResult? Error) Placements(JsonObject data, IReadOnlyList<string> projectGids)
    {
        var placements = new List<Placement>();
        for (var i = 0; i < projectGids.Count; i++)
        {
            var (project, error) = Referenced($"projects: [{i}]", ResourceTypes.Project, projectGids[i]);
            if (project is null)
            {
                return ([], error);
            }
            placements.Add(new Placement(project, SectionOf(project)));
        }
        if (!data.TryGetPropertyValue("memberships", out var node))
        {
            return (placements, null);
        }
        if (node is not JsonArray memberships)
        {
            return ([], AsanaErrors.Bad($"memberships: Value is not an array: {Input.Show(node)}"));
        }
        for (var i = 0; i < memberships.Count; i++)
        {
            if (memberships[i] is not JsonObject membership)
            {
                return ([], AsanaErrors.Bad($"memberships: [{i}]: Value is not a JSON object: {Input.Show(memberships[i])}"));
            }
            var projectGid = Input.Gid(membership, "project");
            var sectionGid = Input.Gid(membership, "section");
            if ((projectGid.Error ?? sectionGid.Error) is { } bad)
            {
                return ([], bad);
            }
            if (!projectGid.Present)
            {
                return ([], AsanaErrors.Bad($"memberships: [{i}]: project: Missing required field"));
            }
            var (project, error) = Referenced($"memberships: [{i}]: project", ResourceTypes.Project, projectGid.Value!);
            if (project is null)
            {
                return ([], error);
            }
            var (section, badSection) = sectionGid.Present ? SectionIn(project, sectionGid.Value!, $"memberships: [{i}]: section") : (SectionOf(project), null);
            if (section is null)
            {
                return ([], badSection);
            }
            placements.Add(new Placement(project, section));
        }
        return (placements.DistinctBy(p => (string?)p.Project["gid"]).ToList(), null);
    }

    private ApiResult? MoveTask(JsonObject task, JsonObject data, bool add, ChangeOrigin origin)
    {
        var projectGid = Input.Gid(data, "project");
        var sectionGid = Input.Gid(data, "section");
        if ((projectGid.Error ?? sectionGid.Error) is { } error)
        {
            return error;
        }
        if (!projectGid.Present)
        {
            return AsanaErrors.Missing("project");
        }
        var (project, badProject) = Referenced("project", ResourceTypes.Project, projectGid.Value!);
        if (project is null)
        {
            return badProject;
        }
        if (!add)
        {
            RemoveFromProject(task, projectGid.Value!);
            Save(Tasks, task, origin);
            return null;
        }
        if ((string?)project["workspace"]?["gid"] != (string?)task["workspace"]?["gid"])
        {
            return AsanaErrors.Bad("project: Project must be in the same workspace as the task");
        }
        var (section, badSection) = sectionGid.Present ? SectionIn(project, sectionGid.Value!, "section") : (SectionOf(project), null);
        if (section is null)
        {
            return badSection;
        }
        RemoveFromProject(task, projectGid.Value!);
        AddPlacement(task, new Placement(project, section));
        Save(Tasks, task, origin);
        return null;
    }

    private static void AddPlacement(JsonObject task, Placement placement)
    {
        ((JsonArray)task["projects"]!).Add(Ref(placement.Project));
        ((JsonArray)task["memberships"]!).Add(new JsonObject { ["project"] = Ref(placement.Project), ["section"] = Ref(placement.Section) });
    }

    private static void RemoveFromProject(JsonObject task, string projectGid)
    {
        task["projects"] = new JsonArray(((JsonArray)task["projects"]!).Where(p => (string?)p?["gid"] != projectGid).Select(p => p!.DeepClone()).ToArray());
        task["memberships"] = new JsonArray(((JsonArray)task["memberships"]!)
            .Where(m => (string?)m?["project"]?["gid"] != projectGid).Select(m => m!.DeepClone()).ToArray());
    }

    private JsonObject SectionOf(JsonObject project)
    {
        var gid = (string)project["gid"]!;
        return Sections.Where(s => (string?)s["project"]?["gid"] == gid) is [var first, ..] ? first : NewSection(project, ChangeOrigin.Api);
    }

    private (JsonObject? Section, ApiResult? Error) SectionIn(JsonObject project, string sectionGid, string field)
    {
        var (section, error) = Referenced(field, ResourceTypes.Section, sectionGid);
        if (section is null)
        {
            return (null, error);
        }
        return (string?)section["project"]?["gid"] == (string?)project["gid"]
            ? (section, null)
            : (null, AsanaErrors.Bad($"{field}: Section is not in the given project: {sectionGid}"));
    }
}
