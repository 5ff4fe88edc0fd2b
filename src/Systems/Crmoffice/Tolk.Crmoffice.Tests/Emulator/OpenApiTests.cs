using System.Text.Json.Nodes;

namespace Tolk.Crmoffice.Tests.Emulator;

public sealed class OpenApiTests(CrmofficeFixture fixture) : IClassFixture<CrmofficeFixture>
{
    private static readonly string Committed = Path.Combine(RepositoryRoot(), "docs", "api", "crmoffice.openapi.json");

    private async Task<string> ServedAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.HostUrl };
        return await http.GetStringAsync("_emulator/openapi.json");
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
    public async Task the_document_describes_the_crmoffice_contract_and_nothing_of_the_admin_channel()
    {
        var document = JsonNode.Parse(await ServedAsync())!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["/oauth/token", "/companies", "/companies/{id}", "/contacts", "/contacts/{id}", "/activities", "/activities/{id}",
            "/users", "/users/{id}", "/webhooks", "/webhooks/{id}"], paths);
        Assert.Equal("https://api.crmoffice.no", (string?)document["servers"]![0]!["url"]);
        Assert.Equal("oauth2", (string?)document["components"]!["securitySchemes"]!["oauth2"]!["type"]);
        Assert.Null(document["paths"]!["/users"]!["post"]);
        var list = document["paths"]!["/companies"]!["get"]!;
        var limit = list["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "limit")!;
        Assert.Equal(250, (int)limit["schema"]!["maximum"]!);
        Assert.NotNull(list["responses"]!["429"]);
        var categories = document["components"]!["schemas"]!["CompanyCategory"]!["enum"]!.AsArray().Where(v => v is not null).Select(v => (string?)v);
        Assert.Equal(["customer", "prospect", "partner", "supplier", "product"], categories);
        Assert.NotNull(document["webhooks"]!["recordChanged"]);
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
