using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tolk.Custompms.Tests.Emulator;

public sealed partial class ListTests(CustompmsFixture fixture) : CustompmsTests(fixture)
{
    [GeneratedRegex("^<(?<url>[^>]+)>; rel=\"next\"$")]
    private static partial Regex NextLink();

    private async Task CreateCustomersAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Fixture.Time.Advance(TimeSpan.FromMilliseconds(10));
            await Api.CreateAsync("customers", Sample.Customer($"Kunde {i:D3} AS"));
        }
    }

    [Fact]
    public async Task a_list_is_a_json_array_with_x_total_count()
    {
        var reply = await Api.CallGetAsync("customers");

        Assert.Equal(200, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.Equal(3, reply.Items.Count);
        Assert.Equal("3", reply.Header("X-Total-Count"));
    }

    [Fact]
    public async Task list_without_per_page_has_pages_of_50_and_a_next_link_while_more_exist()
    {
        await CreateCustomersAsync(52);

        var first = await Api.CallGetAsync("customers");

        Assert.Equal(50, first.Items.Count);
        Assert.Equal("55", first.Header("X-Total-Count"));
        var next = NextLink().Match(first.Header("Link")!).Groups["url"].Value;
        Assert.Equal(new Uri(Fixture.Server.BaseUrl, "customers?page=2&perPage=50").ToString(), next);
        var second = await Api.CallGetAsync(next);
        Assert.Equal(5, second.Items.Count);
        Assert.Null(second.Header("Link"));
    }

    [Fact]
    public async Task a_list_that_fits_one_page_has_no_next_link()
    {
        var reply = await Api.CallGetAsync("customers?perPage=3");

        Assert.Null(reply.Header("Link"));
        Assert.Equal(3, reply.Items.Count);
    }

    [Fact]
    public async Task following_next_links_reads_every_record_once_in_modified_at_then_id_order()
    {
        await CreateCustomersAsync(7);
        var customers = await Fixture.Server.Admin.ListAsync("customers");
        // Two records with the same modifiedAt: the id breaks the tie.
        foreach (var c in customers.Take(2))
        {
            await Fixture.Server.Admin.EditAsync("customers", (string)c["id"]!, new JsonObject { ["phone"] = "+47 111 11 111" });
        }
        var seen = new List<JsonObject>();
        var url = "customers?perPage=4";
        while (true)
        {
            var page = await Api.CallGetAsync(url);
            seen.AddRange(page.Items.Select(n => (JsonObject)n!));
            if (page.Header("Link") is not { } link)
            {
                break;
            }
            url = NextLink().Match(link).Groups["url"].Value;
        }

        Assert.Equal(10, seen.Count);
        Assert.Equal(10, seen.Select(c => (string)c["id"]!).Distinct().Count());
        var expected = seen.OrderBy(c => (string)c["modifiedAt"]!, StringComparer.Ordinal).ThenBy(c => (string)c["id"]!, StringComparer.Ordinal);
        Assert.Equal(expected.Select(c => (string)c["id"]!), seen.Select(c => (string)c["id"]!));
        Assert.Equal((string?)seen[^1]["modifiedAt"], (string?)seen[^2]["modifiedAt"]);
    }

    [Fact]
    public async Task per_page_200_is_the_largest_page()
    {
        await CreateCustomersAsync(198);

        var reply = await Api.CallGetAsync("customers?perPage=200");

        Assert.Equal(200, reply.Items.Count);
        Assert.Equal("201", reply.Header("X-Total-Count"));
        Assert.Contains("page=2&perPage=200", reply.Header("Link"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_page_past_the_end_is_an_empty_array_with_the_total()
    {
        var reply = await Api.CallGetAsync("customers?page=99");

        Assert.Equal(200, reply.Status);
        Assert.Empty(reply.Items);
        Assert.Equal("3", reply.Header("X-Total-Count"));
        Assert.Null(reply.Header("Link"));
    }

    [Fact]
    public async Task modified_since_is_inclusive_and_counted_in_the_total()
    {
        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var since = Fixture.Now;
        var created = await Api.CreateAsync("customers", Sample.Customer("Ny kunde AS"));

        var at = await Api.CallGetAsync($"customers?modifiedSince={since}");
        var after = await Api.CallGetAsync($"customers?modifiedSince={Uri.EscapeDataString(Fixture.Time.GetUtcNow().AddMilliseconds(1).ToString("O"))}");

        Assert.Equal([(string?)created["id"]], at.Items.Select(c => (string?)c!["id"]));
        Assert.Equal("1", at.Header("X-Total-Count"));
        Assert.Empty(after.Items);
    }

    [Fact]
    public async Task modified_since_with_an_offset_compares_instants_and_keeps_it_in_the_next_link()
    {
        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var local = Fixture.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
        await CreateCustomersAsync(3);

        var reply = await Api.CallGetAsync($"customers?perPage=2&modifiedSince={Uri.EscapeDataString(local)}");

        Assert.Equal("3", reply.Header("X-Total-Count"));
        Assert.Contains($"modifiedSince={Uri.EscapeDataString(local)}", reply.Header("Link"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task modified_since_with_sub_millisecond_precision_excludes_the_millisecond_before()
    {
        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await Api.CreateAsync("customers", Sample.Customer());
        var justAfter = Fixture.Time.GetUtcNow().AddTicks(5000).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Empty((await Api.CallGetAsync($"customers?modifiedSince={justAfter}")).Items);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("page=", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("perPage=0", "perPage")]
    [InlineData("perPage=201", "perPage")]
    [InlineData("perPage=ten", "perPage")]
    [InlineData("modifiedSince=yesterday", "modifiedSince")]
    [InlineData("modifiedSince=2026-01-05", "modifiedSince")]
    [InlineData("modifiedSince=2026-01-05T09:00:00", "modifiedSince")]
    [InlineData("modifiedSince=2026-01-05T09:00:00+01:00", "modifiedSince")]
    [InlineData("modifiedSince=2026-13-05T09:00:00Z", "modifiedSince")]
    [InlineData("limit=10", "limit")]
    [InlineData("per_page=10", "per_page")]
    [InlineData("PerPage=10", "PerPage")]
    [InlineData("modifiedsince=2026-01-05T09:00:00Z", "modifiedsince")]
    [InlineData("page=1&page=2", "page")]
    public async Task a_bad_query_parameter_is_400_naming_it(string query, string field)
    {
        foreach (var collection in (string[])["customers", "projects", "tasks"])
        {
            ErrorAssert.Is(await Api.CallGetAsync($"{collection}?{query}"), 400, "validation_failed", field);
        }
    }
}
