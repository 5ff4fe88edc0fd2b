using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Customerp.Emulator.Internal.Dto;
using Tolk.Emulation.Sample;
using A = Tolk.Customerp.Emulator.CustomerpAssumptions;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    internal static readonly CollectionSchema Employees = new("employees", "employee",
    [
        FieldRule.Text("employee_number", A.NumberLength) with { Unique = true },
        FieldRule.Text("first_name", A.PersonNameLength) with { Required = true },
        FieldRule.Text("last_name", A.PersonNameLength) with { Required = true },
        FieldRule.Text("email", A.EmailLength) with { Required = true, Unique = true, IgnoreCase = true },
        FieldRule.Text("phone", A.PhoneLength),
        FieldRule.Text("title", A.TitleLength),
        FieldRule.Text("department", A.DepartmentLength),
        new FieldRule("hire_date", FieldKind.Date),
        FieldRule.Flag("is_active"),
    ]);

    // The sample world has no departments or hire dates; these are drawn from Customerp's own seeded generator.
    private static readonly string[] Departments = ["Ledelse", "Salg", "Utvikling", "Økonomi", "Prosjekt", "Kundeservice", "Drift"];

    private void MapEmployees(IEndpointRouteBuilder api) => MapCollection<Employee, EmployeeCreate, EmployeePatch>(api, Employees);

    private static JsonObject EmployeeFields(SamplePerson p, Random random) => new()
    {
        ["employee_number"] = p.EmployeeNumber,
        ["first_name"] = p.FirstName,
        ["last_name"] = p.LastName,
        ["email"] = p.Email,
        ["phone"] = p.Phone,
        ["title"] = p.Title,
        ["department"] = Departments[random.Next(Departments.Length)],
        ["hire_date"] = new DateOnly(2008, 1, 1).AddDays(random.Next(0, 6400)).ToString("yyyy-MM-dd"),
        ["is_active"] = random.Next(12) != 0,
    };
}
