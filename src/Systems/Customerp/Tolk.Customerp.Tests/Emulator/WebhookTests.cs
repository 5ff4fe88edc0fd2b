using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Tolk.Customerp.Tests.Emulator;

public sealed class WebhookTests(CustomerpFixture fixture) : WritingTests(fixture)
{
    private const string Secret = "whsec_0123456789abcdef";
    private WebhookReceiver _receiver = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        // Retries still waiting on the fake clock are given their time, so none leaks into the next test.
        for (var i = 0; i < 50 && Fixture.Emulator.Context.Webhooks.Pending > 0; i++)
        {
            Fixture.Time.Advance(TimeSpan.FromHours(1));
            await Task.Delay(10);
        }
        await _receiver.DisposeAsync();
    }

    private async Task<JsonObject> RegisterAsync(params string[] events)
    {
        var reply = await Api.CallPostAsync("webhooks", new JsonObject
        {
            ["url"] = _receiver.Url.ToString(),
            ["events"] = new JsonArray(events.Select(e => (JsonNode?)e).ToArray()),
            ["secret"] = Secret,
        });
        Assert.True(reply.Status == 201, reply.Text);
        _receiver.Received.Clear();
        return reply.Body;
    }

    private async Task<List<Delivery>> DeliveredAsync()
    {
        Assert.True(await Fixture.Emulator.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        return [.. _receiver.Received];
    }

    private static string Sign(byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));

    [Fact]
    public async Task registration_sends_a_signed_ping_and_answers_201_without_the_secret()
    {
        var reply = await Api.CallPostAsync("webhooks", new JsonObject
        {
            ["url"] = _receiver.Url.ToString(),
            ["events"] = new JsonArray("customer.*"),
            ["secret"] = Secret,
        });
        Assert.Equal(201, reply.Status);
        var hook = reply.Body;
        Assert.Equal(["id", "url", "events", "active", "created_at", "updated_at"], hook.Select(p => p.Key));
        Assert.True((bool)hook["active"]!);
        Assert.DoesNotContain(Secret, reply.Text, StringComparison.Ordinal);
        Assert.Equal(new Uri(Fixture.Server.BaseUrl, $"webhooks/{(int)hook["id"]!}"), new Uri(reply.Header("Location")!));
        var ping = Assert.Single(_receiver.Received);
        Assert.Equal("webhook.ping", ping.Type);
        Assert.Equal((int)hook["id"]!, (int)ping.Json["data"]!["webhook_id"]!);
        Assert.Equal(Sign(ping.Body), ping.Headers["X-Customerp-Signature"]);
        Assert.StartsWith("application/json", ping.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    [InlineData(301)]
    public async Task registration_fails_when_the_ping_is_not_answered_2xx(int status)
    {
        _receiver.AnswerNext(status);
        var reply = await Api.CallPostAsync("webhooks", new JsonObject { ["url"] = _receiver.Url.ToString(), ["events"] = new JsonArray("*"), ["secret"] = Secret });
        ProblemAssert.Is(reply, 400, "url");
        Assert.Empty((await Api.CallGetAsync("webhooks")).Items);
    }

    [Fact]
    public async Task registration_fails_when_the_url_cannot_be_reached()
    {
        var closed = new UriBuilder(_receiver.Url) { Port = 1 }.Uri;
        var reply = await Api.CallPostAsync("webhooks", new JsonObject { ["url"] = closed.ToString(), ["events"] = new JsonArray("*"), ["secret"] = Secret });
        ProblemAssert.Is(reply, 400, "url");
    }

    [Fact]
    public async Task registration_without_verification_is_a_setting()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["webhookVerify"] = false });
        _receiver.AnswerNext(500);
        Assert.Equal(201, (await Api.CallPostAsync("webhooks", new JsonObject { ["url"] = _receiver.Url.ToString(), ["events"] = new JsonArray("*"), ["secret"] = Secret })).Status);
        Assert.Empty(_receiver.Received);
    }

    public static TheoryData<string, string[]> BadRegistrations() => new()
    {
        { "{}", ["url", "events", "secret"] },
        { "{\"url\":\"not a url\",\"events\":[\"*\"],\"secret\":\"whsec_0123456789abcdef\"}", ["url"] },
        { "{\"url\":\"ftp://example.com/x\",\"events\":[\"*\"],\"secret\":\"whsec_0123456789abcdef\"}", ["url"] },
        { "{\"url\":\"/relative\",\"events\":[\"*\"],\"secret\":\"whsec_0123456789abcdef\"}", ["url"] },
        { "{\"url\":42,\"events\":[\"*\"],\"secret\":\"whsec_0123456789abcdef\"}", ["url"] },
        { "{\"url\":\"http://127.0.0.1/h\",\"events\":[],\"secret\":\"whsec_0123456789abcdef\"}", ["events"] },
        { "{\"url\":\"http://127.0.0.1/h\",\"events\":\"customer.*\",\"secret\":\"whsec_0123456789abcdef\"}", ["events"] },
        { "{\"url\":\"http://127.0.0.1/h\",\"events\":[\"customer.renamed\"],\"secret\":\"whsec_0123456789abcdef\"}", ["events"] },
        { "{\"url\":\"http://127.0.0.1/h\",\"events\":[\"invoice.*\"],\"secret\":\"whsec_0123456789abcdef\"}", ["events"] },
        { "{\"url\":\"http://127.0.0.1/h\",\"events\":[\"customer\"],\"secret\":\"whsec_0123456789abcdef\"}", ["events"] },
        { "{\"url\":\"http://127.0.0.1/h\",\"events\":[1],\"secret\":\"whsec_0123456789abcdef\"}", ["events"] },
        { "{\"url\":\"http://127.0.0.1/h\",\"events\":[\"*\"],\"secret\":\"short\"}", ["secret"] },
        { "{\"url\":\"http://127.0.0.1/h\",\"events\":[\"*\"],\"secret\":123456789012345678}", ["secret"] },
        { "{\"url\":\"http://127.0.0.1/h\",\"events\":[\"*\"],\"secret\":\"whsec_0123456789abcdef\",\"active\":true}", ["active"] },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task a_bad_registration_is_a_400_problem_naming_the_fields(string body, string[] fields)
    {
        ProblemAssert.Is(await Api.CallAsync(HttpMethod.Post, "webhooks", body, "application/json"), 400, fields);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task create_update_and_delete_are_delivered_signed_with_the_record()
    {
        await RegisterAsync("customer.*");
        var created = await Records.CreateAsync(Api, "customers");
        var id = (int)created["id"]!;
        var updated = (await Api.CallPatchAsync($"customers/{id}", new JsonObject { ["city"] = "Oslo" })).Body;
        await Api.CallDeleteAsync($"customers/{id}");
        var deliveries = await DeliveredAsync();
        Assert.Equal(["customer.created", "customer.updated", "customer.deleted"], deliveries.Select(d => d.Type));
        Assert.All(deliveries, d =>
        {
            Assert.Equal(["id", "type", "occurred_at", "data"], d.Json.Select(p => p.Key));
            Assert.Equal(Sign(d.Body), d.Headers["X-Customerp-Signature"]);
            Assert.StartsWith("evt_", (string)d.Json["id"]!, StringComparison.Ordinal);
        });
        Assert.Equal(created.ToJsonString(), deliveries[0].Json["data"]!.ToJsonString());
        Assert.Equal(updated.ToJsonString(), deliveries[1].Json["data"]!.ToJsonString());
        Assert.NotNull(deliveries[2].Json["data"]!["deleted_at"]);
        Assert.Equal([1, 2, 3], deliveries.Select(d => (int)d.Json["data"]!["version"]!));
        Assert.Equal(3, deliveries.Select(d => (string)d.Json["id"]!).Distinct().Count());
        Assert.Equal((string)created["created_at"]!, (string)deliveries[0].Json["occurred_at"]!);
    }

    [Fact]
    public async Task a_signature_made_with_another_secret_does_not_match()
    {
        await RegisterAsync("*");
        await Records.CreateAsync(Api, "products");
        var delivery = Assert.Single(await DeliveredAsync());
        var wrong = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("another-secret-123"u8.ToArray(), delivery.Body));
        Assert.NotEqual(wrong, delivery.Headers["X-Customerp-Signature"]);
    }

    [Theory]
    [InlineData("customer.*", new[] { "customer.created", "customer.updated" })]
    [InlineData("*.updated", new[] { "customer.updated", "contact.updated" })]
    [InlineData("contact.created", new string[0])]
    [InlineData("*", new[] { "customer.created", "customer.updated", "contact.updated", "contact.deleted" })]
    public async Task events_are_filtered_by_type_and_wildcard(string pattern, string[] expected)
    {
        await RegisterAsync(pattern);
        var created = await Records.CreateAsync(Api, "customers");
        await Api.CallPatchAsync($"customers/{(int)created["id"]!}", new JsonObject { ["city"] = "Ålesund" });
        await Api.CallPatchAsync("contacts/2", new JsonObject { ["title"] = "Sjef" });
        await Api.CallDeleteAsync("contacts/2");
        Assert.Equal(expected, (await DeliveredAsync()).Select(d => d.Type));
    }

    [Fact]
    public async Task a_patch_that_changes_nothing_sends_nothing()
    {
        await RegisterAsync("*");
        var name = (string)(await Api.CallGetAsync("customers/1")).Body["name"]!;
        await Api.CallPatchAsync("customers/1", new JsonObject { ["name"] = name });
        Assert.Empty(await DeliveredAsync());
    }

    [Fact]
    public async Task a_persons_edit_is_delivered_like_an_api_edit()
    {
        await RegisterAsync("employee.*");
        await Fixture.Server.Admin.EditAsync("employees", "2", new JsonObject { ["title"] = "Daglig leder" });
        var delivery = Assert.Single(await DeliveredAsync());
        Assert.Equal("employee.updated", delivery.Type);
        Assert.Equal("Daglig leder", (string)delivery.Json["data"]!["title"]!);
    }

    [Fact]
    public async Task a_failed_delivery_is_retried_with_backoff_and_repeats_the_event()
    {
        await RegisterAsync("*");
        _receiver.AnswerNext(500, 503);
        await Api.CallPatchAsync("customers/1", new JsonObject { ["city"] = "Narvik" });
        await WaitUntil(() => !_receiver.Received.IsEmpty);
        Fixture.Time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        Assert.Single(_receiver.Received);
        await WaitUntil(() =>
        {
            Fixture.Time.Advance(TimeSpan.FromSeconds(5));
            return _receiver.Received.Count >= 3;
        });
        var deliveries = await DeliveredAsync();
        Assert.Equal(3, deliveries.Count);
        Assert.Single(deliveries.Select(d => Encoding.UTF8.GetString(d.Body)).Distinct());
        var attempts = (await Fixture.Server.Admin.WebhookAttemptsAsync()).TakeLast(3).ToList();
        Assert.Equal([500, 503, 200], attempts.Select(a => a.Status ?? 0));
        Assert.True(attempts[2].At - attempts[1].At >= TimeSpan.FromSeconds(60), "the second retry waits twice as long");
        Assert.True((bool)(await Api.CallGetAsync("webhooks")).Items[0]!["active"]!);
    }

    [Fact]
    public async Task a_delivery_that_fails_every_attempt_deactivates_the_webhook()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["webhookMaxAttempts"] = 3, ["webhookFirstRetrySeconds"] = 1 });
        var hook = await RegisterAsync("*");
        _receiver.DefaultStatus = 500;
        await Api.CallPatchAsync("customers/1", new JsonObject { ["city"] = "Bodø" });
        await WaitUntil(() =>
        {
            Fixture.Time.Advance(TimeSpan.FromSeconds(2));
            return Fixture.Emulator.Context.Webhooks.Pending == 0;
        });
        Assert.Equal(3, _receiver.Received.Count);
        var stored = (await Api.CallGetAsync($"webhooks/{(int)hook["id"]!}")).Body;
        Assert.False((bool)stored["active"]!);
        _receiver.DefaultStatus = 200;
        await Api.CallPatchAsync("customers/1", new JsonObject { ["city"] = "Hamar" });
        Assert.Equal(3, (await DeliveredAsync()).Count);
    }

    [Fact]
    public async Task an_answer_of_410_deletes_the_webhook()
    {
        var hook = await RegisterAsync("*");
        _receiver.AnswerNext(410);
        await Api.CallPatchAsync("customers/1", new JsonObject { ["city"] = "Moss" });
        Assert.Single(await DeliveredAsync());
        ProblemAssert.Is(await Api.CallGetAsync($"webhooks/{(int)hook["id"]!}"), 404);
        await Api.CallPatchAsync("customers/1", new JsonObject { ["city"] = "Lier" });
        Assert.Single(await DeliveredAsync());
    }

    [Fact]
    public async Task webhooks_are_listed_read_and_deleted()
    {
        var hook = await RegisterAsync("project.*", "*.deleted");
        var list = await Api.CallGetAsync("webhooks");
        Assert.Equal(["items", "next_cursor"], list.Body.Select(p => p.Key));
        Assert.Equal(hook.ToJsonString(), list.Items.Single()!.ToJsonString());
        Assert.Equal(hook.ToJsonString(), (await Api.CallGetAsync($"webhooks/{(int)hook["id"]!}")).Body.ToJsonString());
        Assert.Equal(["project.*", "*.deleted"], hook["events"]!.AsArray().Select(e => (string)e!));
        Assert.Equal(204, (await Api.CallDeleteAsync($"webhooks/{(int)hook["id"]!}")).Status);
        ProblemAssert.Is(await Api.CallDeleteAsync($"webhooks/{(int)hook["id"]!}"), 404);
        await Api.CallDeleteAsync("projects/1");
        Assert.Empty(await DeliveredAsync());
    }

    [Fact]
    public async Task every_matching_webhook_gets_its_own_signed_delivery()
    {
        await RegisterAsync("*");
        await RegisterAsync("product.updated");
        await Api.CallPatchAsync("products/1", new JsonObject { ["name"] = "Ny" });
        var deliveries = await DeliveredAsync();
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(Sign(d.Body), d.Headers["X-Customerp-Signature"]));
    }

    [Fact]
    public async Task webhook_faults_duplicate_deliveries_which_the_event_id_and_version_reveal()
    {
        await RegisterAsync("*");
        await Fixture.Server.Admin.AddFaultAsync(new Tolk.Emulation.Faults.FaultRule(Tolk.Emulation.Faults.FaultActions.Duplicate, Tolk.Emulation.Faults.FaultTargets.Webhook, Nth: 1));
        await Api.CallPatchAsync("customers/1", new JsonObject { ["city"] = "Fauske" });
        var deliveries = await DeliveredAsync();
        Assert.Equal(2, deliveries.Count);
        Assert.Single(deliveries.Select(d => (string)d.Json["id"]!).Distinct());
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }
}
