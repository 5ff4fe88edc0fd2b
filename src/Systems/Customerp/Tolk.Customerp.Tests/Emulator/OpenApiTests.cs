using System.Text.Json.Nodes;

namespace Tolk.Customerp.Tests.Emulator;

public sealed class OpenApiTests(CustomerpFixture fixture) : IClassFixture<CustomerpFixture>
{
    private const string CommittedPath = "docs/api/customerp.openapi.json";

    private async Task<string> ServedAsync()
    {
        using var admin = new HttpClient { BaseAddress = fixture.Server.HostUrl };
        using var response = await admin.GetAsync("/_emulator/openapi.json");
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task the_committed_document_is_the_generated_one()
    {
        var generated = await ServedAsync();
        var path = Path.Combine(RepositoryRoot(), CommittedPath);
        if (Environment.GetEnvironmentVariable("TOLK_UPDATE_API_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, generated);
        }
        Assert.True(File.Exists(path), $"{CommittedPath} is missing; run the tests with TOLK_UPDATE_API_DOCS=1 to write it.");
        var committed = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        Assert.True(committed == generated,
            $"{CommittedPath} is stale: the emulator's contract changed. Run the tests with TOLK_UPDATE_API_DOCS=1 to refresh it, and review the diff.");
    }

    [Fact]
    public async Task the_document_is_served_only_on_the_admin_channel()
    {
        Assert.NotEmpty(await ServedAsync());
        ProblemAssert.Is(await fixture.Api.CallGetAsync("_emulator/openapi.json"), 404);
        ProblemAssert.Is(await fixture.Api.CallGetAsync("openapi.json"), 404);
    }

    [Fact]
    public async Task the_document_describes_every_endpoint_with_parameters_bodies_and_problems()
    {
        var doc = JsonNode.Parse(await ServedAsync())!;
        Assert.StartsWith("3.1", (string)doc["openapi"]!, StringComparison.Ordinal);
        Assert.Equal("https://{tenant}.customerp.example/api/v1", (string)doc["servers"]![0]!["url"]!);
        Assert.Equal("bearer", (string)doc["components"]!["securitySchemes"]!["bearer"]!["scheme"]!);
        var paths = doc["paths"]!.AsObject();
        foreach (var collection in Records.Collections)
        {
            var list = paths[$"/{collection}"]!["get"]!;
            Assert.Equal(["limit", "cursor", "updated_since", "include_deleted"], list["parameters"]!.AsArray().Select(p => (string)p!["name"]!));
            Assert.Equal("integer", (string)list["parameters"]![0]!["schema"]!["type"]!);
            Assert.Equal(500, (int)list["parameters"]![0]!["schema"]!["maximum"]!);
            var create = paths[$"/{collection}"]!["post"]!;
            Assert.Equal("Idempotency-Key", (string)create["parameters"]![0]!["name"]!);
            Assert.NotNull(create["requestBody"]!["content"]!["application/json"]);
            Assert.NotNull(create["responses"]!["201"]!["headers"]!["Location"]);
            Assert.NotNull(create["responses"]!["409"]!["content"]!["application/problem+json"]);
            var patch = paths[$"/{collection}/{{id}}"]!["patch"]!;
            Assert.NotNull(patch["requestBody"]!["content"]!["application/merge-patch+json"]);
            Assert.NotNull(patch["responses"]!["412"]);
            Assert.NotNull(patch["responses"]!["200"]!["headers"]!["ETag"]);
            Assert.NotNull(paths[$"/{collection}/{{id}}"]!["delete"]!["responses"]!["204"]);
            Assert.NotNull(list["responses"]!["429"]!["headers"]!["Retry-After"]);
        }
        Assert.NotNull(paths["/webhooks"]!["post"]);
        Assert.NotNull(doc["webhooks"]!["customer"]!["post"]!["requestBody"]);
        var schemas = doc["components"]!["schemas"]!;
        Assert.Equal(200, (int)schemas["Customer"]!["properties"]!["name"]!["maxLength"]!);
        Assert.Equal(["name"], schemas["CustomerCreate"]!["required"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(["type", "title", "status", "detail", "errors"], schemas["ProblemBody"]!["required"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(["planned", "active", "completed", "cancelled"], schemas["ProjectStatus"]!["enum"]!.AsArray().Select(r => (string)r!));
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
