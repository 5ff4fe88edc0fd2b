using System.Text.Json.Nodes;

namespace Tolk.Crmoffice.Tests.Emulator;

public sealed class ListTests(CrmofficeFixture fixture) : IClassFixture<CrmofficeFixture>, IAsyncLifetime
{
    private CrmApi Api => fixture.Api;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("companies")]
    [InlineData("contacts")]
    [InlineData("activities")]
    [InlineData("users")]
    public async Task a_list_has_items_and_the_total_and_nothing_else(string collection)
    {
        var response = await Api.GetAsync(collection + "?limit=250");
        Assert.Equal(200, response.Status);
        Assert.Equal(["items", "total"], response.Json.Select(p => p.Key));
        var stored = await fixture.Server.Admin.ListAsync(collection);
        Assert.Equal(stored.Count, (int)response.Body!["total"]!);
        Assert.Equal(stored.Count, response.Body["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task without_limit_a_page_holds_50_records()
    {
        await AddCompaniesAsync(60);
        var response = await Api.GetAsync("companies");
        Assert.Equal(50, response.Body!["items"]!.AsArray().Count);
        Assert.True((int)response.Body["total"]! > 60);
    }

    [Fact]
    public async Task pages_by_limit_and_offset_cover_every_record_once_in_updatedAt_then_id_order()
    {
        var all = new List<JsonNode>();
        int total;
        do
        {
            var page = await Api.GetAsync($"contacts?limit=7&offset={all.Count}");
            total = (int)page.Body!["total"]!;
            var items = page.Body["items"]!.AsArray();
            Assert.NotEmpty(items);
            all.AddRange(items.Select(i => i!));
        }
        while (all.Count < total);
        Assert.Equal(total, all.Select(r => (string?)r["id"]).Distinct().Count());
        var keys = all.Select(r => (DateTimeOffset.Parse((string)r["updatedAt"]!, System.Globalization.CultureInfo.InvariantCulture), (string)r["id"]!)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2, StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task an_offset_past_the_end_gives_no_items_and_the_total()
    {
        var response = await Api.GetAsync("users?offset=1000");
        Assert.Empty(response.Body!["items"]!.AsArray());
        Assert.True((int)response.Body["total"]! > 0);
    }

    [Fact]
    public async Task updatedAfter_returns_only_records_changed_after_it_newest_last()
    {
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        var after = Uri.EscapeDataString(fixture.Now);
        Assert.Equal(0, (int)(await Api.GetAsync("companies?updatedAfter=" + after)).Body!["total"]!);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await Api.PutAsync("companies/CO-000003", new JsonObject { ["phone"] = "+47 22 00 00 03" });
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await Api.PutAsync("companies/CO-000001", new JsonObject { ["phone"] = "+47 22 00 00 01" });
        var response = await Api.GetAsync("companies?updatedAfter=" + after);
        Assert.Equal(2, (int)response.Body!["total"]!);
        Assert.Equal(["CO-000003", "CO-000001"], response.Body["items"]!.AsArray().Select(i => (string?)i!["id"]));
    }

    [Fact]
    public async Task updatedAfter_is_strict_and_accepts_any_offset()
    {
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var updated = (await Api.PutAsync("contacts/CT-000002", new JsonObject { ["title"] = "CTO" })).Body!["updatedAt"]!.ToString();
        Assert.Equal(fixture.Now, updated);
        Assert.Equal(0, (int)(await Api.GetAsync("contacts?updatedAfter=" + Uri.EscapeDataString(updated))).Body!["total"]!);
        var secondBefore = fixture.Time.GetUtcNow().AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, (int)(await Api.GetAsync("contacts?updatedAfter=" + secondBefore)).Body!["total"]!);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=251", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=", "limit")]
    [InlineData("limit=1.5", "limit")]
    [InlineData("limit=1&limit=2", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=x", "offset")]
    [InlineData("offset=99999999999", "offset")]
    [InlineData("updatedAfter=yesterday", "updatedAfter")]
    [InlineData("updatedAfter=2026-01-05", "updatedAfter")]
    [InlineData("updatedAfter=2026-01-05T10:00:00", "updatedAfter")]
    [InlineData("updatedAfter=2026-01-05T10:00:00+01:00", "updatedAfter")]
    [InlineData("updatedAfter=2026-13-05T10:00:00Z", "updatedAfter")]
    public async Task bad_list_parameters_get_400_naming_the_parameter(string query, string field)
    {
        foreach (var collection in new[] { "companies", "contacts", "activities", "users" })
        {
            (await Api.GetAsync($"{collection}?{query}")).AssertInvalidField(field);
        }
    }

    [Fact]
    public async Task limit_250_is_allowed_and_unknown_parameters_are_ignored() =>
        Assert.Equal(200, (await Api.GetAsync("companies?limit=250&sort=name")).Status);

    private async Task AddCompaniesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(201, (await Api.PostAsync("companies", new JsonObject { ["name"] = $"Filler {i} AS" })).Status);
        }
    }
}
