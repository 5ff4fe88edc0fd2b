using System.Text.Json.Nodes;

namespace Tolk.Customerp.Tests.Emulator;

public sealed class ListTests(CustomerpFixture fixture) : WritingTests(fixture)
{
    [Theory]
    [InlineData("customers")]
    [InlineData("contacts")]
    [InlineData("employees")]
    [InlineData("projects")]
    [InlineData("products")]
    public async Task a_list_is_an_items_and_next_cursor_envelope_of_records_in_the_api_shape(string collection)
    {
        var reply = await Api.CallGetAsync(collection);
        Assert.Equal(200, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.Equal(["items", "next_cursor"], reply.Body.Select(p => p.Key));
        Assert.NotEmpty(reply.Items);
        Assert.All(reply.Items, item => Assert.Equal(Records.Keys(collection), item!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task list_without_limit_has_no_next_page()
    {
        var reply = await Api.CallGetAsync("contacts");
        Assert.Equal((await Fixture.Server.Admin.ListAsync("contacts")).Count, reply.Items.Count);
        Assert.Null(reply.Body["next_cursor"]);
    }

    [Fact]
    public async Task items_are_ordered_by_updated_at_then_id()
    {
        // Two records with the same updated_at: the lower id comes first.
        await Api.CallPatchAsync("contacts/9", new JsonObject { ["title"] = "Først" });
        await Api.CallPatchAsync("contacts/3", new JsonObject { ["title"] = "Sist" });
        var items = (await Api.CallGetAsync("contacts")).Items.Select(i => i!.AsObject()).ToList();
        var keys = items.Select(i => (DateTimeOffset.Parse((string)i["updated_at"]!, System.Globalization.CultureInfo.InvariantCulture), (int)i["id"]!)).ToList();
        Assert.Equal(keys.Order(), keys);
        Assert.Equal([3, 9], items.TakeLast(2).Select(i => (int)i["id"]!));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task paging_with_a_cursor_returns_every_record_exactly_once(int limit)
    {
        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var reply = await Api.CallGetAsync($"contacts?limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            Assert.Equal(200, reply.Status);
            Assert.True(reply.Items.Count <= limit);
            seen.AddRange(reply.Items.Select(i => (int)i!["id"]!));
            cursor = (string?)reply.Body["next_cursor"];
            pages++;
        }
        while (cursor is not null);
        var all = (await Fixture.Server.Admin.ListAsync("contacts")).Select(c => (int)c["id"]!).Order();
        Assert.Equal(all, seen.Order());
        Assert.Equal((int)Math.Ceiling(seen.Count / (double)limit), pages);
    }

    [Fact]
    public async Task a_limit_of_500_is_allowed()
    {
        Assert.Equal(200, (await Api.CallGetAsync("customers?limit=500")).Status);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("99999999999")]
    public async Task a_limit_outside_1_to_500_is_a_400_problem(string limit)
    {
        ProblemAssert.Is(await Api.CallGetAsync($"customers?limit={Uri.EscapeDataString(limit)}"), 400, "limit");
    }

    [Fact]
    public async Task updated_since_is_inclusive()
    {
        var items = (await Api.CallGetAsync("customers")).Items.Select(i => i!.AsObject()).ToList();
        var third = items[2];
        var reply = await Api.CallGetAsync($"customers?updated_since={Uri.EscapeDataString((string)third["updated_at"]!)}");
        Assert.Equal(items.Skip(2).Select(i => (int)i["id"]!), reply.Items.Select(i => (int)i!["id"]!));
    }

    [Fact]
    public async Task updated_since_takes_any_offset()
    {
        var at = CustomerpFixture.Start.AddMinutes(5);
        Fixture.Time.SetUtcNow(at > Fixture.Time.GetUtcNow() ? at : Fixture.Time.GetUtcNow());
        await Api.CallPatchAsync("customers/2", new JsonObject { ["notes"] = "endret" });
        var since = Fixture.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
        var reply = await Api.CallGetAsync($"customers?updated_since={Uri.EscapeDataString(since)}");
        Assert.Equal([2], reply.Items.Select(i => (int)i!["id"]!));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-01-05")]
    [InlineData("2026-01-05T09:00:00")]
    [InlineData("2026-01-05 09:00:00Z")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-01-05T09:00:00 01:00")]
    [InlineData("1736067600")]
    public async Task an_updated_since_that_is_not_rfc_3339_with_offset_is_a_400_problem(string since)
    {
        ProblemAssert.Is(await Api.CallGetAsync($"customers?updated_since={Uri.EscapeDataString(since)}"), 400, "updated_since");
    }

    [Fact]
    public async Task an_unencoded_plus_in_updated_since_is_refused()
    {
        ProblemAssert.Is(await Api.CallGetAsync("customers?updated_since=2026-01-05T09:00:00+01:00"), 400, "updated_since");
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("TRUE")]
    public async Task include_deleted_must_be_true_or_false(string value)
    {
        ProblemAssert.Is(await Api.CallGetAsync($"customers?include_deleted={value}"), 400, "include_deleted");
        ProblemAssert.Is(await Api.CallGetAsync($"customers/1?include_deleted={value}"), 400, "include_deleted");
    }

    [Fact]
    public async Task several_bad_parameters_are_reported_together()
    {
        ProblemAssert.Is(await Api.CallGetAsync("customers?limit=0&updated_since=x&include_deleted=y&cursor=z"), 400,
            "limit", "updated_since", "include_deleted", "cursor");
    }

    [Fact]
    public async Task deleted_records_are_listed_only_with_include_deleted()
    {
        Assert.Equal(204, (await Api.CallDeleteAsync("products/3")).Status);
        Assert.DoesNotContain((await Api.CallGetAsync("products")).Items, i => (int)i!["id"]! == 3);
        var deleted = Assert.Single((await Api.CallGetAsync("products?include_deleted=true")).Items, i => (int)i!["id"]! == 3)!;
        Assert.NotNull(deleted["deleted_at"]);
        Assert.Contains((await Api.CallGetAsync("products?include_deleted=false")).Items, i => (int)i!["id"]! != 3);
    }

    [Fact]
    public async Task an_incremental_read_sees_creates_updates_and_deletes()
    {
        var mark = (string)(await Api.CallGetAsync("customers")).Items.Last()!["updated_at"]!;
        Fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var created = await Records.CreateAsync(Api, "customers");
        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await Api.CallPatchAsync("customers/1", new JsonObject { ["city"] = "Oslo" });
        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await Api.CallDeleteAsync("customers/2");
        var reply = await Api.CallGetAsync($"customers?include_deleted=true&updated_since={Uri.EscapeDataString(mark)}");
        var ids = reply.Items.Select(i => (int)i!["id"]!).ToList();
        Assert.Equal([(int)created["id"]!, 1, 2], ids.Skip(1));
        Assert.NotNull(reply.Items.Last()!["deleted_at"]);
    }

    [Fact]
    public async Task a_record_updated_while_paging_moves_to_the_end_and_is_served_again()
    {
        var first = await Api.CallGetAsync("contacts?limit=2");
        var firstId = (int)first.Items[0]!["id"]!;
        await Api.CallPatchAsync($"contacts/{firstId}", new JsonObject { ["title"] = "Flyttet" });
        var rest = new List<int>();
        var cursor = (string?)first.Body["next_cursor"];
        while (cursor is not null)
        {
            var page = await Api.CallGetAsync($"contacts?limit=2&cursor={Uri.EscapeDataString(cursor)}");
            rest.AddRange(page.Items.Select(i => (int)i!["id"]!));
            cursor = (string?)page.Body["next_cursor"];
        }
        Assert.Equal(firstId, rest.Last());
    }
}
