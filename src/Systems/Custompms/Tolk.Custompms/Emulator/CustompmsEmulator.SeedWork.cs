using System.Text.Json.Nodes;
using Tolk.Custompms.Emulator.Internal;
using Tolk.Emulation.Sample;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    // Weighted so that most projects are under way and most tasks are of normal priority.
    private static readonly string[] SeedStatuses = ["open", "inProgress", "inProgress", "inProgress", "done", "archived"];
    private static readonly string[] SeedPriorities = ["low", "normal", "normal", "normal", "high"];

    /// <summary>
    /// Projects of Custompms's own, keyed PRJ-1, PRJ-2, ... The world's vocabulary is internal to the kernel, so the
    /// words come from the world's project names (their stems, without the number).
    /// </summary>
    private static List<JsonObject> ProjectRows(SampleWorld world, Random random, List<JsonObject> customers, List<string> customerIds)
    {
        var stems = world.Projects.Select(p => p.Name.TrimEnd(' ', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9')).Distinct().ToList();
        return Enumerable.Range(0, world.Scaled(10)).Select(i =>
        {
            var stem = stems[random.Next(stems.Count)];
            var customer = random.Next(customerIds.Count);
            var client = customers[customer]["name"]!.GetValue<string>().Replace(" AS", "", StringComparison.Ordinal);
            var start = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 600));
            return new JsonObject
            {
                ["key"] = $"{CustompmsAssumptions.KeyPrefix}{i + 1}",
                ["name"] = $"{stem} {client}",
                ["description"] = random.Next(4) == 0 ? null : $"{stem} for {client}, fase {random.Next(1, 4)}.",
                ["customerId"] = customerIds[customer],
                ["startDate"] = Rfc3339.Date(start),
                ["dueDate"] = Rfc3339.Date(start.AddDays(random.Next(30, 365))),
                ["status"] = SeedStatuses[random.Next(SeedStatuses.Length)],
            };
        }).ToList();
    }

    /// <summary>Tasks in those projects, titled with the world's task titles and assigned to its employees by e-mail.</summary>
    private static List<JsonObject> TaskRows(SampleWorld world, Random random, List<JsonObject> projects, List<string> projectIds)
    {
        var titles = world.Tasks.Select(t => t.Title).Distinct().ToList();
        var employees = world.Employees.ToList();
        return Enumerable.Range(0, world.Scaled(60)).Select(i =>
        {
            var p = random.Next(projectIds.Count);
            var project = projects[p];
            var closed = project["status"]!.GetValue<string>() is "done" or "archived";
            var start = DateOnly.ParseExact(project["startDate"]!.GetValue<string>(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return new JsonObject
            {
                ["projectId"] = projectIds[p],
                ["title"] = titles[random.Next(titles.Count)],
                ["description"] = random.Next(3) == 0 ? null : $"Del {i + 1} av {project["name"]!.GetValue<string>()}.",
                ["assigneeEmail"] = random.Next(5) == 0 ? null : employees[random.Next(employees.Count)].Email,
                ["dueDate"] = random.Next(4) == 0 ? null : Rfc3339.Date(start.AddDays(random.Next(7, 200))),
                ["done"] = closed || random.Next(4) == 0,
                ["priority"] = SeedPriorities[random.Next(SeedPriorities.Length)],
            };
        }).ToList();
    }
}
