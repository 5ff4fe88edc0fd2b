using System.Text.Json.Nodes;

namespace Tolk.Custompms.Tests.Emulator;

public sealed class ChangeLogTests(CustompmsFixture fixture) : CustompmsTests(fixture)
{
    private async Task<long> HeadAsync()
    {
        var reply = await Api.CallGetAsync("changes");
        Assert.Equal(200, reply.Status);
        Assert.Empty((JsonArray)reply.Body["changes"]!);
        return (long)reply.Body["lastSeq"]!;
    }

    private async Task<JsonObject> ReadAsync(long since, int? limit = null)
    {
        var reply = await Api.CallGetAsync($"changes?since={since}{(limit is null ? "" : $"&limit={limit}")}");
        Assert.True(reply.Status == 200, reply.Text);
        return reply.Body;
    }

    private static List<JsonObject> Entries(JsonObject page) => ((JsonArray)page["changes"]!).Select(e => (JsonObject)e!).ToList();

    [Fact]
    public async Task a_freshly_seeded_log_starts_past_the_seed_with_nothing_retained()
    {
        var seeded = (await Fixture.Server.Admin.ListAsync("customers")).Count + (await Fixture.Server.Admin.ListAsync("projects")).Count
            + (await Fixture.Server.Admin.ListAsync("tasks")).Count;

        Assert.Equal(seeded, await HeadAsync());
        ErrorAssert.Is(await Api.CallGetAsync("changes?since=0"), 410, "sequence_expired", "since");
        Assert.Empty(Entries(await ReadAsync(seeded)));
    }

    [Fact]
    public async Task every_api_write_appends_an_entry_with_a_contiguous_seq()
    {
        var head = await HeadAsync();
        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var customer = await Api.CreateAsync("customers", Sample.Customer());
        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var replaced = (await Api.CallPutAsync($"customers/{customer["id"]}", Sample.Customer("Omdøpt AS"))).Body;
        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var deletedAt = Fixture.Now;
        Assert.Equal(204, (await Api.CallDeleteAsync($"customers/{customer["id"]}")).Status);

        var page = await ReadAsync(head);

        Assert.Equal(["changes", "lastSeq"], page.Select(p => p.Key));
        var entries = Entries(page);
        Assert.Equal([head + 1, head + 2, head + 3], entries.Select(e => (long)e["seq"]!));
        Assert.All(entries, e => Assert.Equal(["seq", "collection", "id", "op", "at"], e.Select(p => p.Key)));
        Assert.All(entries, e => Assert.Equal("customers", (string?)e["collection"]));
        Assert.All(entries, e => Assert.Equal((string?)customer["id"], (string?)e["id"]));
        Assert.Equal(["upsert", "upsert", "delete"], entries.Select(e => (string)e["op"]!));
        Assert.Equal([(string?)customer["modifiedAt"], (string?)replaced["modifiedAt"], deletedAt], entries.Select(e => (string?)e["at"]));
        Assert.Equal(head + 3, (long)page["lastSeq"]!);
    }

    [Fact]
    public async Task a_failed_write_appends_nothing()
    {
        var head = await HeadAsync();

        await Api.CallPostAsync("customers", new JsonObject());
        await Api.CallDeleteAsync($"customers/{(await Sample.FirstAsync(Api, "projects"))["customerId"]}");

        Assert.Equal(head, await HeadAsync());
    }

    [Fact]
    public async Task a_put_that_changes_no_value_is_still_a_write()
    {
        var head = await HeadAsync();
        var customer = await Sample.FirstAsync(Api, "customers");

        Assert.Equal(200, (await Api.CallPutAsync($"customers/{customer["id"]}", customer)).Status);

        Assert.Equal(head + 1, await HeadAsync());
    }

    [Fact]
    public async Task limit_pages_the_log_and_last_seq_is_where_to_continue()
    {
        var head = await HeadAsync();
        for (var i = 0; i < 5; i++)
        {
            await Api.CreateAsync("customers", Sample.Customer($"Kunde {i} AS"));
        }

        var first = await ReadAsync(head, limit: 2);
        var second = await ReadAsync((long)first["lastSeq"]!, limit: 2);
        var third = await ReadAsync((long)second["lastSeq"]!, limit: 2);
        var done = await ReadAsync((long)third["lastSeq"]!, limit: 2);

        Assert.Equal([head + 1, head + 2], Entries(first).Select(e => (long)e["seq"]!));
        Assert.Equal(head + 2, (long)first["lastSeq"]!);
        Assert.Equal([head + 3, head + 4], Entries(second).Select(e => (long)e["seq"]!));
        Assert.Equal([head + 5], Entries(third).Select(e => (long)e["seq"]!));
        Assert.Empty(Entries(done));
        Assert.Equal(head + 5, (long)done["lastSeq"]!);
    }

    [Fact]
    public async Task without_limit_at_most_100_entries_come_back()
    {
        var head = await HeadAsync();
        for (var i = 0; i < 101; i++)
        {
            await Api.CreateAsync("customers", Sample.Customer($"Kunde {i} AS"));
        }

        var page = await ReadAsync(head);

        Assert.Equal(100, Entries(page).Count);
        Assert.Equal(head + 100, (long)page["lastSeq"]!);
    }

    [Fact]
    public async Task entries_older_than_seven_days_are_pruned_and_a_since_before_them_is_410()
    {
        var head = await HeadAsync();
        await Api.CreateAsync("customers", Sample.Customer());
        Fixture.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        await Api.CreateAsync("customers", Sample.Customer("Senere AS"));
        Assert.Equal(2, Entries(await ReadAsync(head)).Count);

        Fixture.Time.Advance(TimeSpan.FromSeconds(2));

        var body = ErrorAssert.Is(await Api.CallGetAsync($"changes?since={head}"), 410, "sequence_expired", "since");
        Assert.Contains("re-read", (string?)body["message"], StringComparison.Ordinal);
        Assert.Single(Entries(await ReadAsync(head + 1)));
    }

    [Fact]
    public async Task the_retention_window_is_a_setting()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["changeLogRetentionSeconds"] = 60 });
        var head = await HeadAsync();
        await Api.CreateAsync("customers", Sample.Customer());

        Fixture.Time.Advance(TimeSpan.FromSeconds(61));

        ErrorAssert.Is(await Api.CallGetAsync($"changes?since={head}"), 410, "sequence_expired", "since");
    }

    [Fact]
    public async Task expiring_change_tokens_makes_every_older_since_410_but_the_head_still_works()
    {
        var head = await HeadAsync();
        await Api.CreateAsync("customers", Sample.Customer());
        await Api.CreateAsync("customers", Sample.Customer("Andre AS"));

        await Fixture.Server.Admin.ExpireChangeTokensAsync();

        ErrorAssert.Is(await Api.CallGetAsync($"changes?since={head}"), 410, "sequence_expired", "since");
        ErrorAssert.Is(await Api.CallGetAsync($"changes?since={head + 1}"), 410, "sequence_expired", "since");
        Assert.Empty(Entries(await ReadAsync(head + 2)));
        await Api.CreateAsync("customers", Sample.Customer("Tredje AS"));
        Assert.Equal([head + 3], Entries(await ReadAsync(head + 2)).Select(e => (long)e["seq"]!));
    }

    [Fact]
    public async Task a_since_beyond_the_head_is_410()
    {
        var head = await HeadAsync();

        ErrorAssert.Is(await Api.CallGetAsync($"changes?since={head + 1}"), 410, "sequence_expired", "since");
    }

    [Fact]
    public async Task an_empty_emulator_starts_its_log_at_zero()
    {
        await Fixture.Server.Admin.ResetAsync(new Tolk.Emulation.Admin.ResetRequest(Empty: true));
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerSecond"] = 1000 });

        Assert.Equal(0, await HeadAsync());
        await Api.CreateAsync("customers", Sample.Customer());
        Assert.Equal([1L], Entries(await ReadAsync(0)).Select(e => (long)e["seq"]!));
    }

    [Theory]
    [InlineData("since=-1", "since")]
    [InlineData("since=abc", "since")]
    [InlineData("since=", "since")]
    [InlineData("since=1.0", "since")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=x", "limit")]
    [InlineData("after=3", "after")]
    [InlineData("Since=3", "Since")]
    [InlineData("since=1&since=2", "since")]
    public async Task a_bad_query_parameter_is_400_naming_it(string query, string field)
    {
        ErrorAssert.Is(await Api.CallGetAsync($"changes?{query}"), 400, "validation_failed", field);
    }

    [Fact]
    public async Task limit_1000_is_accepted()
    {
        var head = await HeadAsync();

        Assert.Empty(Entries(await ReadAsync(head, limit: 1000)));
    }
}
