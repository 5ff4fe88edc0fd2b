using System.Text.Json.Nodes;

namespace Tolk.Custompms.Tests.Emulator;

/// <summary>Valid bodies and lookups the tests share.</summary>
public static class Sample
{
    public static async Task<JsonObject> FirstAsync(HttpClient api, string collection) =>
        (JsonObject)(await api.CallGetAsync($"{collection}?perPage=1")).Items[0]!;

    public static JsonObject Customer(string name = "Testkunde AS") =>
        new() { ["name"] = name, ["orgNumber"] = "912345678", ["email"] = "post@testkunde.no", ["phone"] = "+47 400 00 000" };

    public static JsonObject Project(string? customerId, string name = "Testprosjekt") => new()
    {
        ["name"] = name,
        ["description"] = "Et prosjekt for tester.",
        ["customerId"] = customerId,
        ["startDate"] = "2026-02-01",
        ["dueDate"] = "2026-06-30",
        ["status"] = "open",
    };

    public static JsonObject Task(string projectId, string title = "Skriv tester") => new()
    {
        ["projectId"] = projectId,
        ["title"] = title,
        ["description"] = "Alle kontraktens punkter.",
        ["assigneeEmail"] = "ola.hansen@tolkdemo.no",
        ["dueDate"] = "2026-03-15",
        ["done"] = false,
        ["priority"] = "high",
    };

    /// <summary>A valid body for each collection (projects and tasks refer to seeded records).</summary>
    public static async Task<JsonObject> ValidAsync(HttpClient api, string collection) => collection switch
    {
        "customers" => Customer(),
        "projects" => Project((string?)(await FirstAsync(api, "customers"))["id"]),
        _ => Task((string)(await FirstAsync(api, "projects"))["id"]!),
    };
}
