using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Customerp.Emulator.Internal.Dto;
using Tolk.Emulation.Sample;
using A = Tolk.Customerp.Emulator.CustomerpAssumptions;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    /// <summary>The project statuses, in the order a project passes through them.</summary>
    internal static readonly IReadOnlyList<string> Statuses = ["planned", "active", "completed", "cancelled"];

    internal static readonly CollectionSchema Projects = new("projects", "project",
    [
        // Server-assigned "P-<n>" when left out (see Create), so it is never null.
        FieldRule.Text("project_number", A.NumberLength) with { Unique = true, NotNull = true },
        FieldRule.Text("name", A.NameLength) with { Required = true },
        FieldRule.Text("description", A.TextLength),
        FieldRule.Reference("customer_id", "customers"),
        FieldRule.Reference("manager_id", "employees"),
        new FieldRule("start_date", FieldKind.Date),
        new FieldRule("end_date", FieldKind.Date),
        new FieldRule("status", FieldKind.Choice) { Choices = Statuses, NotNull = true, Default = () => A.DefaultStatus },
        new FieldRule("budget", FieldKind.Amount),
    ]);

    private void MapProjects(IEndpointRouteBuilder api) => MapCollection<Project, ProjectCreate, ProjectPatch>(api, Projects);

    private static JsonObject ProjectFields(SampleProject p, Random random) => new()
    {
        ["project_number"] = p.Number,
        ["name"] = p.Name,
        ["description"] = p.Description,
        ["customer_id"] = p.CustomerIndex + 1,
        ["manager_id"] = p.ManagerIndex + 1,
        ["start_date"] = p.StartDate.ToString("yyyy-MM-dd"),
        ["end_date"] = p.EndDate.ToString("yyyy-MM-dd"),
        ["status"] = p.Status,
        ["budget"] = FieldValidator.TwoPlaces(random.Next(5, 400) * 5000m),
    };
}
