using System.Text.Json.Nodes;
using Tolk.Custompms.Emulator;

namespace Tolk.Custompms.Tests.Emulator;

public sealed class IdempotencyTests(CustompmsFixture fixture) : CustompmsTests(fixture)
{
    private async Task<int> CountAsync(string collection) => (await Fixture.Server.Admin.ListAsync(collection)).Count;

    [Fact]
    public async Task a_repeated_create_with_the_same_key_returns_the_first_result_and_creates_once()
    {
        var before = await CountAsync("customers");
        var head = (long)(await Api.CallGetAsync("changes")).Body["lastSeq"]!;

        var first = await Api.CallPostAsync("customers", Sample.Customer(), ("Idempotency-Key", "create-1"));
        Fixture.Time.Advance(TimeSpan.FromSeconds(5));
        var again = await Api.CallPostAsync("customers", Sample.Customer(), ("Idempotency-Key", "create-1"));

        Assert.Equal(201, first.Status);
        Assert.Equal(201, again.Status);
        Assert.Equal(first.Text, again.Text);
        Assert.Equal(before + 1, await CountAsync("customers"));
        Assert.Single((JsonArray)(await Api.CallGetAsync($"changes?since={head}")).Body["changes"]!);
    }

    [Fact]
    public async Task the_replay_is_the_first_result_even_when_the_body_differs()
    {
        var first = await Api.CallPostAsync("customers", Sample.Customer("Første AS"), ("Idempotency-Key", "k"));

        var again = await Api.CallPostAsync("customers", Sample.Customer("Andre AS"), ("Idempotency-Key", "k"));

        Assert.Equal(first.Text, again.Text);
        Assert.Equal("Første AS", (string?)again.Body["name"]);
    }

    [Fact]
    public async Task another_key_or_no_key_creates_another_record()
    {
        var one = await Api.CallPostAsync("customers", Sample.Customer(), ("Idempotency-Key", "a"));
        var two = await Api.CallPostAsync("customers", Sample.Customer(), ("Idempotency-Key", "b"));
        var three = await Api.CallPostAsync("customers", Sample.Customer());
        var four = await Api.CallPostAsync("customers", Sample.Customer());

        Assert.Equal(4, new[] { one, two, three, four }.Select(r => (string?)r.Body["id"]).Distinct().Count());
    }

    [Fact]
    public async Task keys_are_scoped_to_the_collection_and_the_api_key()
    {
        var customer = await Api.CallPostAsync("customers", Sample.Customer(), ("Idempotency-Key", "same"));
        var project = await Api.CallPostAsync("projects", Sample.Project(null), ("Idempotency-Key", "same"));
        using var second = Fixture.Client(CustompmsEmulator.SecondApiKey);
        var other = await second.CallPostAsync("customers", Sample.Customer(), ("Idempotency-Key", "same"));

        Assert.Equal("Testprosjekt", (string?)project.Body["name"]);
        Assert.NotEqual((string?)customer.Body["id"], (string?)other.Body["id"]);
    }

    [Fact]
    public async Task a_failed_create_is_not_remembered()
    {
        var failed = await Api.CallPostAsync("customers", new JsonObject { ["name"] = 1 }, ("Idempotency-Key", "retry-me"));

        var fixedUp = await Api.CallPostAsync("customers", Sample.Customer(), ("Idempotency-Key", "retry-me"));

        ErrorAssert.Is(failed, 400, "validation_failed", "name");
        Assert.Equal(201, fixedUp.Status);
    }

    [Fact]
    public async Task a_key_is_forgotten_after_24_hours()
    {
        var first = await Api.CallPostAsync("customers", Sample.Customer(), ("Idempotency-Key", "old"));
        Fixture.Time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var within = await Api.CallPostAsync("customers", Sample.Customer(), ("Idempotency-Key", "old"));
        Fixture.Time.Advance(TimeSpan.FromSeconds(2));

        var after = await Api.CallPostAsync("customers", Sample.Customer(), ("Idempotency-Key", "old"));

        Assert.Equal(first.Text, within.Text);
        Assert.NotEqual((string?)first.Body["id"], (string?)after.Body["id"]);
    }

    [Fact]
    public async Task the_replay_is_served_even_after_the_record_was_deleted()
    {
        var first = await Api.CallPostAsync("customers", Sample.Customer(), ("Idempotency-Key", "gone"));
        Assert.Equal(204, (await Api.CallDeleteAsync($"customers/{first.Body["id"]}")).Status);
        var count = await CountAsync("customers");

        var again = await Api.CallPostAsync("customers", Sample.Customer(), ("Idempotency-Key", "gone"));

        Assert.Equal(first.Text, again.Text);
        Assert.Equal(count, await CountAsync("customers"));
    }

    [Fact]
    public async Task concurrent_creates_with_one_key_create_one_record()
    {
        var before = await CountAsync("tasks");
        var body = await Sample.ValidAsync(Api, "tasks");

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Api.CallPostAsync("tasks", body, ("Idempotency-Key", "race"))));

        Assert.All(replies, r => Assert.Equal(201, r.Status));
        Assert.Single(replies.Select(r => r.Text).Distinct());
        Assert.Equal(before + 1, await CountAsync("tasks"));
    }
}
