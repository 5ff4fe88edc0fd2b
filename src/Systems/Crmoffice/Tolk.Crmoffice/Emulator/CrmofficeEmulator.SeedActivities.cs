using System.Text.Json.Nodes;
using Tolk.Crmoffice.Emulator.Internal;
using Tolk.Emulation.Sample;

namespace Tolk.Crmoffice.Emulator;

public sealed partial class CrmofficeEmulator
{
    private static readonly string[] EverydayTypes = ["meeting", "call", "task", "note"];

    // Meetings, calls, tasks and notes about the world's tasks with its customers, then the first projects as
    // activities of type "project" (the records flow 16 matches).
    private void SeedActivities(SeedContext seed, List<string> users, Dictionary<int, string> companies, Dictionary<string, List<string>> contacts)
    {
        var world = seed.World;
        var random = seed.Random;
        var customers = companies.Values.ToList();
        for (var i = 0; i < world.Scaled(30); i++)
        {
            var type = EverydayTypes[random.Next(EverydayTypes.Length)];
            var task = world.Tasks[random.Next(world.Tasks.Count)];
            var companyId = customers[random.Next(customers.Count)];
            var contactId = contacts.TryGetValue(companyId, out var people) ? people[random.Next(people.Count)] : null;
            var day = DateOnly.FromDateTime(seed.Now.UtcDateTime).AddDays(-random.Next(1, 120));
            var hour = random.Next(8, 16);
            Insert(seed, CrmSchemas.Activities, new()
            {
                ["type"] = type,
                ["subject"] = type switch { "meeting" => "Møte: " + task.Title, "call" => "Telefon: " + task.Title, "note" => "Notat: " + task.Title, _ => task.Title },
                ["description"] = task.Description.Length == 0 ? null : task.Description,
                ["startsAt"] = type is "meeting" or "call" ? CrmTime.FormatLocal(day, hour) : null,
                ["endsAt"] = type switch
                {
                    "meeting" => CrmTime.FormatLocal(day, hour + 1),
                    "call" => CrmTime.FormatLocal(day, hour, 15),
                    "task" when task.DueDate is { } due => CrmTime.FormatLocal(due, 16),
                    _ => null,
                },
                ["completed"] = type is "meeting" or "call" || (type == "task" && task.Completed),
                ["ownerId"] = users[random.Next(users.Count)],
                ["companyId"] = companyId,
                ["contactId"] = contactId,
            });
        }
        foreach (var project in world.Projects.Take(world.Scaled(5)))
        {
            Insert(seed, CrmSchemas.Activities, new()
            {
                ["type"] = "project",
                ["subject"] = project.Name,
                ["description"] = project.Description,
                ["startsAt"] = CrmTime.FormatLocal(project.StartDate, 8),
                ["endsAt"] = CrmTime.FormatLocal(project.EndDate, 16),
                ["completed"] = project.Status == "completed",
                ["ownerId"] = project.ManagerIndex < users.Count ? users[project.ManagerIndex] : null,
                ["companyId"] = companies.GetValueOrDefault(project.CustomerIndex),
            });
        }
    }
}
