using System.Text.Json.Nodes;

namespace Tolk.Asana.Tests.Emulator;

public sealed class PaginationTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>, IAsyncLifetime
{
    private const string Project = "1204000000000000";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task list_without_limit_has_no_next_page()
    {
        var response = (await fixture.Api.GetAsync($"tasks?project={Project}")).AssertOk();
        Assert.False(response.Json!.AsObject().ContainsKey("next_page"));
    }

    [Fact]
    public async Task pages_follow_next_page_until_it_is_null_and_cover_the_listing_once()
    {
        var all = (await fixture.Api.GetAsync($"tasks?project={Project}")).AssertOk().DataArray.Select(t => (string?)t!["gid"]).ToList();
        var seen = new List<string?>();
        var path = $"tasks?project={Project}&limit=4";
        while (true)
        {
            var page = (await fixture.Api.GetAsync(path)).AssertOk();
            seen.AddRange(page.DataArray.Select(t => (string?)t!["gid"]));
            var next = page.Json!["next_page"];
            if (next is null)
            {
                Assert.True(page.Json!.AsObject().ContainsKey("next_page"));
                break;
            }
            var offset = (string)next["offset"]!;
            Assert.Equal($"/tasks?project={Project}&limit=4&offset={offset}", (string?)next["path"]);
            Assert.Equal(fixture.Server.BaseUrl.ToString().TrimEnd('/') + (string?)next["path"], (string?)next["uri"]);
            path = ((string)next["path"]!).TrimStart('/');
        }
        Assert.Equal(all, seen);
    }

    [Fact]
    public async Task the_last_page_with_a_limit_has_a_null_next_page()
    {
        var page = (await fixture.Api.GetAsync("workspaces?limit=100")).AssertOk();
        Assert.Null(page.Json!["next_page"]);
        Assert.True(page.Json!.AsObject().ContainsKey("next_page"));
    }

    [Theory]
    [InlineData("0", "limit: Must be between 1 and 100")]
    [InlineData("101", "limit: Must be between 1 and 100")]
    [InlineData("-5", "limit: Not a valid integer: -5")]
    [InlineData("ten", "limit: Not a valid integer: ten")]
    public async Task a_limit_outside_1_to_100_is_400(string limit, string message)
    {
        (await fixture.Api.GetAsync($"tasks?project={Project}&limit={limit}")).AssertError(400, message);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJib3JkZXJfcmFuayI6IjEifQ.AAAA")]
    public async Task an_offset_asana_did_not_issue_is_invalid(string offset)
    {
        (await fixture.Api.GetAsync($"tasks?project={Project}&limit=2&offset={Uri.EscapeDataString(offset)}"))
            .AssertError(400, "offset: Your pagination token is invalid.");
    }

    [Fact]
    public async Task an_offset_belongs_to_its_listing()
    {
        var next = (await fixture.Api.GetAsync($"tasks?project={Project}&limit=2")).AssertOk().Json!["next_page"]!;
        (await fixture.Api.GetAsync($"tasks?project=1204000000000001&limit=2&offset={(string?)next["offset"]}"))
            .AssertError(400, "offset: Your pagination token is invalid.");
    }

    [Fact]
    public async Task expiring_change_tokens_makes_outstanding_offsets_expire()
    {
        var next = (await fixture.Api.GetAsync($"tasks?project={Project}&limit=2")).AssertOk().Json!["next_page"]!;
        await fixture.Server.Admin.ExpireChangeTokensAsync();
        (await fixture.Api.GetAsync(((string)next["path"]!).TrimStart('/'))).AssertError(400, "offset: Your pagination token has expired.");
        (await fixture.Api.GetAsync($"tasks?project={Project}&limit=2")).AssertOk();
    }

    [Fact]
    public async Task offsets_expire_after_the_configured_lifetime_of_fake_time()
    {
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["offsetTokenTtlSeconds"] = 60 });
        var next = (await fixture.Api.GetAsync($"tasks?project={Project}&limit=2")).AssertOk().Json!["next_page"]!;
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        (await fixture.Api.GetAsync(((string)next["path"]!).TrimStart('/'))).AssertOk();
        fixture.Time.Advance(TimeSpan.FromSeconds(31));
        (await fixture.Api.GetAsync(((string)next["path"]!).TrimStart('/'))).AssertError(400, "offset: Your pagination token has expired.");
    }

    [Fact]
    public async Task a_listing_too_large_to_answer_without_a_limit_is_refused()
    {
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["maxUnpaginatedResults"] = 3 });
        (await fixture.Api.GetAsync($"tasks?project={Project}"))
            .AssertError(400, "The result is too large. You should use pagination (may require specifying a workspace)!");
        (await fixture.Api.GetAsync($"tasks?project={Project}&limit=100")).AssertOk();
    }

    [Fact]
    public async Task records_created_between_pages_do_not_shift_the_next_page()
    {
        var first = (await fixture.Api.GetAsync($"tasks?project={Project}&limit=3")).AssertOk();
        (await fixture.Api.PostAsync("tasks", AsanaClient.Data(new { name = "Ny", projects = new[] { Project } }))).AssertOk(201);
        var second = (await fixture.Api.GetAsync(((string)first.Json!["next_page"]!["path"]!).TrimStart('/'))).AssertOk();
        var firstGids = first.DataArray.Select(t => (string?)t!["gid"]).ToHashSet();
        Assert.DoesNotContain(second.DataArray, t => firstGids.Contains((string?)t!["gid"]));
    }
}
