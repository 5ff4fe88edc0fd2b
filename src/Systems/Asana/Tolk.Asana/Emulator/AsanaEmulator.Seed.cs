using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;
using Tolk.Emulation.Sample;

namespace Tolk.Asana.Emulator;

/// <summary>
/// The sample data: the "Tolk Demo AS" organization holding everything the world has for Asana, plus a small personal
/// workspace. Everything is drawn from the shared world in a fixed order, so a seed always gives the same data and gids.
/// </summary>
public sealed partial class AsanaEmulator
{
    private static readonly DateTimeOffset Epoch = new(2024, 9, 2, 8, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public override void Seed(SampleWorld world)
    {
        _seeding = true;
        try
        {
            SeedWorld(world);
        }
        finally
        {
            _seeding = false;
        }
    }

    private void SeedWorld(SampleWorld world)
    {
        var random = world.RandomFor("asana");
        var demo = Add(Workspaces, NewWorkspace(_gids.Next(ResourceTypes.Workspace), "Tolk Demo AS", ["tolkdemo.no"], true));
        var personal = Add(Workspaces, NewWorkspace(_gids.Next(ResourceTypes.Workspace), "Personal Projects", [], false));

        // Every tenth employee has no Asana seat; the first near-miss person has one, under another email.
        var byEmployee = new Dictionary<int, JsonObject>();
        var seated = world.Employees.Where(p => p.Index % 10 != 9).Concat(world.NearMissPeople.Take(1)).ToList();
        foreach (var person in seated)
        {
            var user = Add(Users, NewUser(_gids.Next(ResourceTypes.User), person.FullName, person.Email, Users.Count == 0 ? [demo, personal] : [demo]));
            if (person.Index < world.EmployeeCount)
            {
                byEmployee[person.Index] = user;
            }
        }
        var owner = Users.Get(Gids.For(ResourceTypes.User, 0))!;

        var teams = world.Organizations.Take(world.Scaled(8)).Select(org =>
            Add(Teams, NewTeam(_gids.Next(ResourceTypes.Team), org.Name, org.Description, demo, Visibilities[random.Next(Visibilities.Length)]))).ToList();
        foreach (var user in Users.All())
        {
            foreach (var team in teams.OrderBy(_ => random.Next()).Take(1 + random.Next(Math.Min(2, teams.Count))))
            {
                AddTeamMember(team, (string)user["gid"]!, ChangeOrigin.Api);
            }
        }

        var projects = new Dictionary<int, (JsonObject Project, JsonObject Section)>();
        foreach (var p in world.Projects.Where(p => p.Index % 2 == 0))
        {
            var team = p.CustomerIndex < teams.Count ? teams[p.CustomerIndex] : teams[random.Next(teams.Count)];
            var created = Epoch.AddDays(projects.Count);
            var project = NewProject(_gids.Next(ResourceTypes.Project), p.Name, demo, team, byEmployee.GetValueOrDefault(p.ManagerIndex), Stamp(created));
            project["notes"] = p.Description;
            project["html_notes"] = Html(p.Description);
            project["start_on"] = p.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            project["due_on"] = p.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            project["due_date"] = p.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            project["color"] = Colors[random.Next(Colors.Length - 1)];
            project["archived"] = p.Status == "cancelled";
            if (p.Status == "completed")
            {
                project["completed"] = true;
                project["completed_at"] = Stamp(created.AddDays(120));
                project["modified_at"] = Stamp(created.AddDays(120));
                project["completed_by"] = project["owner"]?.DeepClone();
            }
            Add(Projects, project);
            projects[p.Index] = (project, NewSection(project, ChangeOrigin.Api));
        }

        foreach (var t in world.Tasks.Where(t => projects.ContainsKey(t.ProjectIndex)))
        {
            var (project, section) = projects[t.ProjectIndex];
            var assignee = t.AssigneeIndex is { } a ? byEmployee.GetValueOrDefault(a) : null;
            var created = Stamps.Parse((string?)project["created_at"])!.Value.AddMinutes(2 * t.Index + 5);
            var creator = project["owner"] is JsonObject o ? Users.Get((string)o["gid"]!) ?? owner : owner;
            var task = NewTask(_gids.Next(ResourceTypes.Task), t.Title, demo, [new Placement(project, section)], creator, Stamp(created));
            task["notes"] = t.Description;
            task["html_notes"] = Html(t.Description);
            task["due_on"] = t.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (assignee is not null)
            {
                task["assignee"] = Ref(assignee);
                AddFollower(task, assignee);
            }
            if (t.Completed)
            {
                task["completed"] = true;
                task["completed_at"] = Stamp(created.AddDays(3));
                task["modified_at"] = Stamp(created.AddDays(3));
                task["completed_by"] = Ref(assignee ?? creator);
            }
            Add(Tasks, task);
        }
        SeedPersonal(personal, owner, Epoch.AddDays(projects.Count + 1));
    }

    private void SeedPersonal(JsonObject personal, JsonObject owner, DateTimeOffset created)
    {
        string[][] lists =
        [
            ["Personlige gjøremål", "Forny førerkort", "Bestill time hos tannlegen"],
            ["Idéer", "Skriv blogginnlegg om integrasjoner", "Test ny kaffemaskin"],
        ];
        foreach (var list in lists)
        {
            var project = NewProject(_gids.Next(ResourceTypes.Project), list[0], personal, null, owner, Stamp(created));
            project["privacy_setting"] = "private";
            project["public"] = false;
            Add(Projects, project);
            var section = NewSection(project, ChangeOrigin.Api);
            foreach (var title in list.Skip(1))
            {
                created = created.AddHours(1);
                var task = NewTask(_gids.Next(ResourceTypes.Task), title, personal, [new Placement(project, section)], owner, Stamp(created));
                task["assignee"] = Ref(owner);
                Add(Tasks, task);
            }
        }
    }

    private static JsonObject NewWorkspace(string gid, string name, string[] domains, bool organization) => new()
    {
        ["gid"] = gid,
        ["resource_type"] = ResourceTypes.Workspace,
        ["name"] = name,
        ["email_domains"] = new JsonArray(domains.Select(d => (JsonNode)d).ToArray()),
        ["is_organization"] = organization,
    };

    private static JsonObject Add(RecordTable table, JsonObject record)
    {
        table.Put((string)record["gid"]!, record, ChangeOrigin.Api);
        return record;
    }
}
