using System.Text.Json.Nodes;

namespace Tolk.Crmoffice.Tests.Emulator;

public sealed class WebhookTests(CrmofficeFixture fixture) : IClassFixture<CrmofficeFixture>, IAsyncLifetime
{
    private const string Secret = "whsec-0123456789abcdef";
    private WebhookReceiver _receiver = null!;

    private CrmApi Api => fixture.Api;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        // Retries left waiting on the fake clock would outlive the test: let them run out first.
        await DrainAsync();
        await _receiver.DisposeAsync();
    }

    private async Task<string> RegisterAsync(params string[] events)
    {
        var response = await Api.PostAsync("webhooks", new JsonObject
        {
            ["url"] = _receiver.Url.ToString(),
            ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e)]),
            ["secret"] = Secret,
        });
        Assert.Equal(201, response.Status);
        return (string)response.Body!["id"]!;
    }

    [Fact]
    public async Task a_registration_is_shown_without_its_secret_and_can_be_deleted()
    {
        var response = await Api.PostAsync("webhooks", new JsonObject
        {
            ["url"] = "https://hooks.example.com/crm", ["events"] = new JsonArray("companies", "activities"), ["secret"] = Secret,
        });
        Assert.Equal(201, response.Status);
        Assert.Equal($$"""{"id":"WH-000001","url":"https://hooks.example.com/crm","events":["companies","activities"],"isActive":true,"createdAt":"{{fixture.Now}}"}""",
            response.Raw);
        Assert.Equal("/webhooks/WH-000001", response.Headers["Location"]);
        Assert.Equal(response.Raw, (await Api.GetAsync("webhooks/WH-000001")).Raw);
        Assert.Equal(204, (await Api.DeleteAsync("webhooks/WH-000001")).Status);
        (await Api.GetAsync("webhooks/WH-000001")).AssertError(404, "not_found");
        (await Api.DeleteAsync("webhooks/WH-000001")).AssertError(404, "not_found");
        (await Api.GetAsync("webhooks/not-an-id")).AssertError(404, "not_found");
        (await Api.GetAsync("webhooks/CO-000001")).AssertError(404, "not_found");
    }

    [Fact]
    public async Task registering_the_same_url_again_replaces_the_registration_instead_of_adding_a_second()
    {
        var first = await RegisterAsync("companies");
        var again = await Api.PostAsync("webhooks", new JsonObject
        {
            ["url"] = _receiver.Url.ToString(), ["events"] = new JsonArray("companies", "contacts"), ["secret"] = Secret + "-2",
        });

        Assert.Equal(200, again.Status);
        Assert.Equal(first, (string?)again.Body!["id"]);
        Assert.Equal(["companies", "contacts"], again.Body["events"]!.AsArray().Select(e => (string)e!));
        Assert.Single(await fixture.Server.Admin.ListAsync("webhooks"));
        await Api.PostAsync("companies", new JsonObject { ["name"] = "Én Gang AS" });
        await DrainAsync();
        Assert.True(Assert.Single(_receiver.Received).Verifies(Secret + "-2", fixture.Time.GetUtcNow()));
    }

    [Fact]
    public async Task a_created_record_is_delivered_as_its_id_with_a_valid_signature_over_the_raw_body()
    {
        await RegisterAsync("companies");
        var id = (string)(await Api.PostAsync("companies", new JsonObject { ["name"] = "Ny AS" })).Body!["id"]!;
        await IdleAsync();
        var delivery = Assert.Single(_receiver.Received);
        Assert.Equal($$"""{"event":"companies.created","id":"{{id}}","timestamp":"{{fixture.Now}}"}""", delivery.Text);
        Assert.Equal("application/json", delivery.ContentType);
        Assert.Equal(fixture.Time.GetUtcNow().ToUnixTimeSeconds(), delivery.T);
        Assert.True(delivery.Verifies(Secret, fixture.Time.GetUtcNow()));
        Assert.False(delivery.Verifies("another-secret-entirely", fixture.Time.GetUtcNow()));
        Assert.False(delivery.Verifies(Secret, fixture.Time.GetUtcNow().AddMinutes(6)));
    }

    [Fact]
    public async Task only_subscribed_collections_are_delivered_with_created_updated_and_deleted_events()
    {
        await RegisterAsync("contacts");
        await Api.PutAsync("companies/CO-000001", new JsonObject { ["phone"] = "+47 22 22 22 22" });
        var id = (string)(await Api.PostAsync("contacts", new JsonObject { ["givenName"] = "Kari", ["familyName"] = "Nordmann" })).Body!["id"]!;
        await Api.PutAsync("contacts/" + id, new JsonObject { ["title"] = "Rådgiver" });
        await Api.DeleteAsync("contacts/" + id);
        await IdleAsync();
        Assert.Equal(["contacts.created", "contacts.updated", "contacts.deleted"],
            _receiver.Received.Select(d => (string?)JsonNode.Parse(d.Text)!["event"]));
        Assert.All(_receiver.Received, d => Assert.Equal(id, (string?)JsonNode.Parse(d.Text)!["id"]));
    }

    [Fact]
    public async Task a_persons_edit_in_the_ui_is_delivered_too()
    {
        await RegisterAsync("activities");
        await fixture.Server.Admin.EditAsync("activities", "AC-000002", new JsonObject { ["completed"] = true });
        await IdleAsync();
        Assert.Equal($$"""{"event":"activities.updated","id":"AC-000002","timestamp":"{{fixture.Now}}"}""", Assert.Single(_receiver.Received).Text);
    }

    [Fact]
    public async Task a_failed_delivery_is_retried_after_30_seconds_signed_afresh()
    {
        await RegisterAsync("companies");
        _receiver.AnswerNext(500);
        await Api.PutAsync("companies/CO-000002", new JsonObject { ["website"] = "https://example.no" });
        await WaitUntil(() => !_receiver.Received.IsEmpty);
        await Task.Delay(50);
        fixture.Time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        Assert.Single(_receiver.Received);
        for (var i = 0; i < 60 && _receiver.Received.Count < 2; i++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(i == 0 ? 100 : 10);
        }
        await IdleAsync();
        var (first, second) = (_receiver.Received.First(), _receiver.Received.Last());
        Assert.Equal(first.Text, second.Text);
        Assert.InRange(second.T - first.T, 30, 60);
        Assert.True(second.Verifies(Secret, fixture.Time.GetUtcNow()));
        Assert.True((bool)(await Api.GetAsync("webhooks/WH-000001")).Body!["isActive"]!);
        var attempts = await fixture.Server.Admin.WebhookAttemptsAsync();
        Assert.Equal([500, 200], attempts.Select(a => a.Status ?? 0));
    }

    [Fact]
    public async Task retries_back_off_exponentially_and_a_delivery_that_fails_them_all_disables_the_registration()
    {
        await RegisterAsync("companies", "contacts");
        _receiver.AlwaysAnswer = 503;
        await Api.PutAsync("companies/CO-000001", new JsonObject { ["phone"] = "+47 33 33 33 33" });
        foreach (var (gap, n) in new[] { 30, 60, 120, 240, 480 }.Select((g, i) => (g, i + 1)))
        {
            await WaitUntil(() => _receiver.Received.Count == n);
            await Task.Delay(50);
            fixture.Time.Advance(TimeSpan.FromSeconds(gap - 1));
            await Task.Delay(50);
            Assert.Equal(n, _receiver.Received.Count);
            // On a busy machine the retry's timer may start after the clock moved: keep moving it until the retry comes.
            for (var i = 0; i < 2 * gap && _receiver.Received.Count == n; i++)
            {
                fixture.Time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(i == 0 ? 100 : 10);
            }
        }
        await WaitUntil(() => _receiver.Received.Count == 6);
        await IdleAsync();
        var times = _receiver.Received.Select(d => d.T).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps.Zip([30L, 60, 120, 240, 480]), g => Assert.InRange(g.First, g.Second, 2 * g.Second));
        var hook = (await Api.GetAsync("webhooks/WH-000001")).Body!;
        Assert.False((bool)hook["isActive"]!);
        _receiver.AlwaysAnswer = 200;
        await Api.PutAsync("contacts/CT-000001", new JsonObject { ["title"] = "Sjef" });
        await IdleAsync();
        Assert.Equal(6, _receiver.Received.Count);
    }

    [Fact]
    public async Task the_attempt_count_is_a_setting()
    {
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["webhookMaxAttempts"] = 2, ["webhookFirstRetrySeconds"] = 5 });
        await RegisterAsync("companies");
        _receiver.AlwaysAnswer = 500;
        await Api.PutAsync("companies/CO-000001", new JsonObject { ["phone"] = "+47 44 44 44 44" });
        await DrainAsync();
        Assert.Equal(2, _receiver.Received.Count);
        Assert.False((bool)(await Api.GetAsync("webhooks/WH-000001")).Body!["isActive"]!);
    }

    [Fact]
    public async Task a_deleted_registration_gets_no_more_deliveries()
    {
        var id = await RegisterAsync("companies");
        await Api.DeleteAsync("webhooks/" + id);
        await Api.PutAsync("companies/CO-000001", new JsonObject { ["phone"] = "+47 55 55 55 55" });
        await IdleAsync();
        Assert.Empty(_receiver.Received);
    }

    private async Task IdleAsync() => Assert.True(await fixture.Emulator.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));

    private async Task DrainAsync()
    {
        for (var i = 0; i < 2000 && fixture.Emulator.Context.Webhooks.Pending > 0; i++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2);
        }
        await IdleAsync();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }
}
