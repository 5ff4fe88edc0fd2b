using System.Text.Json.Nodes;
using Tolk.Custompms.Emulator;

namespace Tolk.Custompms.Tests.Emulator;

public sealed class OpenApiTests(CustompmsFixture fixture) : IClassFixture<CustompmsFixture>
{
    private static readonly string Committed = Path.Combine(RepositoryRoot(), "docs", "api", "custompms.openapi.json");

    private async Task<string> ServedAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.HostUrl };
        using var response = await http.GetAsync(CustompmsEmulator.OpenApiPath.TrimStart('/'));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task the_committed_openapi_document_is_the_one_the_emulator_serves()
    {
        var served = await ServedAsync();
        if (Environment.GetEnvironmentVariable("TOLK_UPDATE_API_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Committed)!);
            await File.WriteAllTextAsync(Committed, served);
        }
        Assert.True(File.Exists(Committed), $"{Committed} is missing: run the tests with TOLK_UPDATE_API_DOCS=1");
        Assert.True(served == await File.ReadAllTextAsync(Committed),
            $"{Committed} is stale: run the tests with TOLK_UPDATE_API_DOCS=1 and commit it");
    }

    [Fact]
    public async Task the_document_describes_the_custompms_contract_and_nothing_of_the_admin_channel()
    {
        var document = JsonNode.Parse(await ServedAsync())!;

        Assert.StartsWith("3.1", (string?)document["openapi"], StringComparison.Ordinal);
        Assert.Equal(["/customers", "/customers/{id}", "/projects", "/projects/{id}", "/tasks", "/tasks/{id}", "/changes"],
            document["paths"]!.AsObject().Select(p => p.Key));
        Assert.Equal("https://custompms.example/api", (string?)document["servers"]![0]!["url"]);
        var scheme = document["components"]!["securitySchemes"]!["apiKey"]!;
        Assert.Equal(["apiKey", "header", "X-Api-Key"], new[] { "type", "in", "name" }.Select(k => (string?)scheme[k]));
        Assert.Equal(["get", "put", "delete"], document["paths"]!["/tasks/{id}"]!.AsObject().Select(o => o.Key));
    }

    [Fact]
    public async Task the_list_operations_document_paging_headers_and_limits()
    {
        var list = JsonNode.Parse(await ServedAsync())!["paths"]!["/projects"]!["get"]!;

        var perPage = list["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "perPage")!;
        Assert.Equal(200, (int)perPage["schema"]!["maximum"]!);
        Assert.Equal(["X-Total-Count", "Link"], list["responses"]!["200"]!["headers"]!.AsObject().Select(h => h.Key));
        Assert.NotNull(list["responses"]!["429"]!["headers"]!["Retry-After"]);
        Assert.Equal(["400", "401", "429", "500"], list["responses"]!.AsObject().Select(r => r.Key).Where(k => k != "200"));
    }

    [Fact]
    public async Task the_schemas_carry_the_fields_enums_and_required_lists_of_the_spec()
    {
        var schemas = JsonNode.Parse(await ServedAsync())!["components"]!["schemas"]!;

        Assert.Equal(["name"], Required(schemas["CustomerInput"]!));
        Assert.Equal(["projectId", "title"], Required(schemas["TaskInput"]!).Order(StringComparer.Ordinal));
        Assert.Equal(["id", "key", "name", "description", "customerId", "startDate", "dueDate", "status", "createdAt", "modifiedAt"],
            schemas["Project"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["open", "inProgress", "done", "archived"], EnumOf(schemas["ProjectStatus"]!));
        Assert.Equal(["low", "normal", "high"], EnumOf(schemas["TaskPriority"]!));
        Assert.Equal(["error", "message", "field"], schemas["ErrorBody"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.NotNull(schemas["Task"]);
    }

    private static IEnumerable<string?> Required(JsonNode schema) => schema["required"]!.AsArray().Select(v => (string?)v);

    private static IEnumerable<string?> EnumOf(JsonNode schema)
    {
        Assert.Equal("string", (string?)schema["type"]);
        return schema["enum"]!.AsArray().Select(v => (string?)v);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tolk.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Tolk.slnx not found above " + AppContext.BaseDirectory);
    }
}
