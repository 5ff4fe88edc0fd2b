using System.Text.Json.Nodes;
using Tolk.Customerp.Emulator;

namespace Tolk.Customerp.Tests.Emulator;

public sealed class IdempotencyTests(CustomerpFixture fixture) : WritingTests(fixture)
{
    private static (string, string) Key(string key) => ("Idempotency-Key", key);

    [Fact]
    public async Task the_same_key_and_body_return_the_first_response_and_create_once()
    {
        var body = Records.Valid("customers");
        var first = await Api.CallPostAsync("customers", body, Key("k-1"));
        Fixture.Time.Advance(TimeSpan.FromHours(1));
        var again = await Api.CallPostAsync("customers", body, Key("k-1"));
        Assert.Equal(201, again.Status);
        Assert.Equal(first.Text, again.Text);
        Assert.Equal(first.Header("Location"), again.Header("Location"));
        Assert.Equal(first.Header("ETag"), again.Header("ETag"));
        Assert.Single(await Fixture.Server.Admin.ListAsync("customers"), c => (string?)c["name"] == (string)body["name"]!);
    }

    [Fact]
    public async Task the_first_response_is_replayed_even_after_the_record_changed()
    {
        var body = Records.Valid("products");
        var first = await Api.CallPostAsync("products", body, Key("k-2"));
        await Api.CallPatchAsync(new Uri(first.Header("Location")!).AbsolutePath, new JsonObject { ["name"] = "Endret" });
        Assert.Equal(first.Text, (await Api.CallPostAsync("products", body, Key("k-2"))).Text);
    }

    [Fact]
    public async Task the_same_key_with_another_body_is_a_422_problem()
    {
        await Api.CallPostAsync("customers", Records.Valid("customers"), Key("k-3"));
        ProblemAssert.Is(await Api.CallPostAsync("customers", Records.Valid("customers"), Key("k-3")), 422, "Idempotency-Key");
    }

    [Fact]
    public async Task the_same_key_on_another_collection_is_a_422_problem()
    {
        await Api.CallPostAsync("customers", new JsonObject { ["name"] = "Same AS" }, Key("k-4"));
        ProblemAssert.Is(await Api.CallPostAsync("projects", new JsonObject { ["name"] = "Same AS" }, Key("k-4")), 422, "Idempotency-Key");
    }

    [Fact]
    public async Task a_key_is_forgotten_after_24_hours()
    {
        var body = Records.Valid("customers");
        body["org_number"] = null;
        var first = await Api.CallPostAsync("customers", body, Key("k-5"));
        Fixture.Time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.Equal(first.Text, (await Api.CallPostAsync("customers", body, Key("k-5"))).Text);
        Fixture.Time.Advance(TimeSpan.FromSeconds(2));
        var later = await Api.CallPostAsync("customers", body, Key("k-5"));
        Assert.Equal(201, later.Status);
        Assert.NotEqual(first.Header("Location"), later.Header("Location"));
    }

    [Fact]
    public async Task keys_belong_to_one_token()
    {
        var body = Records.Valid("contacts");
        body["email"] = null;
        var first = await Api.CallPostAsync("contacts", body, Key("shared"));
        using var other = Fixture.Client(CustomerpEmulator.SecondApiToken);
        var second = await other.CallPostAsync("contacts", body, Key("shared"));
        Assert.Equal(201, second.Status);
        Assert.NotEqual(first.Header("Location"), second.Header("Location"));
    }

    [Fact]
    public async Task a_failed_create_is_not_remembered()
    {
        ProblemAssert.Is(await Api.CallPostAsync("customers", new JsonObject(), Key("k-6")), 400, "name");
        Assert.Equal(201, (await Api.CallPostAsync("customers", new JsonObject { ["name"] = "Rettet AS" }, Key("k-6"))).Status);
    }

    [Fact]
    public async Task without_a_key_a_repeated_create_creates_twice()
    {
        var body = new JsonObject { ["name"] = "To ganger AS" };
        await Api.CallPostAsync("customers", body);
        await Api.CallPostAsync("customers", body);
        Assert.Equal(2, (await Fixture.Server.Admin.ListAsync("customers")).Count(c => (string?)c["name"] == "To ganger AS"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tab\tkey")]
    public async Task a_malformed_key_is_a_400_problem(string key)
    {
        ProblemAssert.Is(await Api.CallPostAsync("customers", Records.Valid("customers"), Key(key)), 400, "Idempotency-Key");
    }

    [Fact]
    public async Task a_key_longer_than_255_characters_is_a_400_problem()
    {
        ProblemAssert.Is(await Api.CallPostAsync("customers", Records.Valid("customers"), Key(new string('k', 256))), 400, "Idempotency-Key");
        Assert.Equal(201, (await Api.CallPostAsync("customers", Records.Valid("customers"), Key(new string('k', 255)))).Status);
    }

    [Fact]
    public async Task concurrent_creates_with_one_key_create_once()
    {
        var body = Records.Valid("employees");
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Api.CallPostAsync("employees", body, Key("race"))));
        Assert.All(replies, r => Assert.Equal(201, r.Status));
        Assert.Single(replies.Select(r => r.Header("Location")).Distinct());
    }
}
