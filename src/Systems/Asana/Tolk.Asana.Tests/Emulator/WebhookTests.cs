using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Tolk.Asana.Tests.Emulator;

public sealed class WebhookTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>, IAsyncLifetime
{
    private const string Project = "1204000000000000";
    private const string Demo = "1201000000000000";
    private WebhookReceiver _receiver = null!;
    private string _task = "";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _receiver = await WebhookReceiver.StartAsync();
        _task = (string)(await fixture.Api.GetAsync($"tasks?project={Project}")).AssertOk().DataArray[0]!["gid"]!;
    }

    public async Task DisposeAsync()
    {
        await fixture.Asana.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(2));
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task creating_a_webhook_performs_the_x_hook_secret_handshake_during_the_request()
    {
        var created = await CreateAsync(Project);
        var handshake = Assert.Single(_receiver.Handshakes);
        Assert.Matches("^[0-9a-f]{64}$", handshake["X-Hook-Secret"]);
        var webhook = created.Data!.AsObject();
        Assert.Equal("webhook", (string?)webhook["resource_type"]);
        Assert.True((bool)webhook["active"]!);
        Assert.Equal(Project, (string?)webhook["resource"]!["gid"]);
        Assert.Equal(_receiver.Url.ToString(), (string?)webhook["target"]);
        foreach (var field in new[] { "created_at", "last_success_at", "last_failure_at", "last_failure_content", "filters" })
        {
            Assert.True(webhook.ContainsKey(field), field);
        }
    }

    [Theory]
    [InlineData("none", "The remote server which is intended to receive the webhook did not respond with the handshake secret.")]
    [InlineData("wrong", "The remote server which is intended to receive the webhook did not respond with the handshake secret.")]
    [InlineData("404", "The remote server which is intended to receive the webhook responded with an incorrect status code: 404")]
    [InlineData("500", "The remote server which is intended to receive the webhook responded with an incorrect status code: 500")]
    public async Task a_target_that_does_not_complete_the_handshake_fails_the_creation(string mode, string message)
    {
        _receiver.HandshakeMode = mode;
        (await fixture.Api.PostAsync("webhooks", AsanaClient.Data(new { resource = Project, target = _receiver.Url.ToString() }))).AssertError(400, message);
        Assert.Empty((await fixture.Api.GetAsync($"webhooks?workspace={Demo}")).AssertOk().DataArray);
    }

    [Fact]
    public async Task an_unreachable_target_fails_the_creation()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort()}/hook");
        (await fixture.Api.PostAsync("webhooks", AsanaClient.Data(new { resource = Project, target = closed.ToString() })))
            .AssertError(400, "The remote server which is intended to receive the webhook could not be reached.");
    }

    [Fact]
    public async Task an_api_change_is_delivered_as_events_signed_with_the_handshake_secret()
    {
        await CreateAsync(Project);
        var secret = _receiver.Handshakes.Single()["X-Hook-Secret"];
        (await fixture.Api.PutAsync($"tasks/{_task}", """{"data":{"due_on":"2026-05-01"}}""")).AssertOk();
        Assert.True(await fixture.Asana.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        var (body, headers) = Assert.Single(_receiver.Deliveries);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        Assert.Equal(expected, headers["X-Hook-Signature"]);
        var delivered = JsonNode.Parse(body)!;
        var e = Assert.Single(delivered["events"]!.AsArray())!.AsObject();
        Assert.Equal("changed", (string?)e["action"]);
        Assert.Equal("due_on", (string?)e["change"]!["field"]);
        Assert.Equal("""{"gid":"1203000000000000","resource_type":"user"}""", e["user"]!.ToJsonString());
        Assert.Equal(_task, (string?)e["resource"]!["gid"]);
        Assert.False(e["resource"]!.AsObject().ContainsKey("name"));
    }

    [Fact]
    public async Task a_persons_edit_is_delivered_too()
    {
        await CreateAsync(_task);
        await fixture.Server.Admin.EditAsync("tasks", _task, new JsonObject { ["completed"] = true });
        Assert.True(await fixture.Asana.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        var events = JsonNode.Parse(Assert.Single(_receiver.Deliveries).Body)!["events"]!.AsArray();
        Assert.Contains(events, e => (string?)e!["change"]?["field"] == "completed" && (string?)e!["user"]!["gid"] == "1203000000000001");
    }

    [Fact]
    public async Task filters_narrow_what_is_delivered()
    {
        await CreateAsync(Project, new JsonArray(new JsonObject { ["resource_type"] = "task", ["action"] = "changed", ["fields"] = new JsonArray("due_on") }));
        (await fixture.Api.PutAsync($"tasks/{_task}", """{"data":{"name":"Ikke levert"}}""")).AssertOk();
        (await fixture.Api.PutAsync($"tasks/{_task}", """{"data":{"due_on":"2026-06-01"}}""")).AssertOk();
        Assert.True(await fixture.Asana.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        var events = JsonNode.Parse(Assert.Single(_receiver.Deliveries).Body)!["events"]!.AsArray();
        Assert.Equal("due_on", (string?)Assert.Single(events)!["change"]!["field"]);
    }

    [Fact]
    public async Task heartbeats_are_empty_signed_deliveries_at_the_configured_interval()
    {
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["webhookHeartbeatSeconds"] = 3600 });
        await CreateAsync(Project);
        var secret = _receiver.Handshakes.Single()["X-Hook-Secret"];
        fixture.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.True(await fixture.Asana.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        Assert.Empty(_receiver.Deliveries);
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await WaitUntilAsync(() => !_receiver.Deliveries.IsEmpty);
        var (body, headers) = _receiver.Deliveries.Single();
        Assert.Equal("""{"events":[]}""", Encoding.UTF8.GetString(body));
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)), headers["X-Hook-Signature"]);
    }

    [Fact]
    public async Task heartbeats_are_off_by_default_on_a_fake_clock()
    {
        Assert.Equal(0, (int?)(await fixture.Server.Admin.SettingsAsync())["webhookHeartbeatSeconds"]);
        await CreateAsync(Project);
        fixture.Time.Advance(TimeSpan.FromHours(9));
        Assert.True(await fixture.Asana.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(2)));
        Assert.Empty(_receiver.Deliveries);
    }

    [Fact]
    public async Task a_failed_delivery_is_retried_after_the_backoff_and_the_webhook_survives()
    {
        var gid = (string)(await CreateAsync(Project)).Data!["gid"]!;
        _receiver.AnswerNext(500);
        (await fixture.Api.PutAsync($"tasks/{_task}", """{"data":{"notes":"Prøv igjen"}}""")).AssertOk();
        await WaitUntilAsync(() => _receiver.Deliveries.Count == 1);
        var started = fixture.Time.GetUtcNow();
        // The retry waits on the fake clock: step it a second at a time and see when the second attempt comes.
        await AdvanceUntilAsync(() => _receiver.Deliveries.Count == 2, TimeSpan.FromSeconds(1), maxSteps: 400);
        Assert.True(fixture.Time.GetUtcNow() - started >= TimeSpan.FromMinutes(1));
        Assert.True(await fixture.Asana.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        var deliveries = _receiver.Deliveries.ToList();
        Assert.Equal(deliveries[0].Body, deliveries[1].Body);
        var webhook = (await fixture.Api.GetAsync($"webhooks/{gid}")).AssertOk().Data!;
        Assert.NotNull(webhook["last_success_at"]);
    }

    [Fact]
    public async Task a_target_failing_for_24_hours_of_retries_gets_its_webhook_deleted()
    {
        var gid = (string)(await CreateAsync(Project)).Data!["gid"]!;
        var policy = fixture.Asana.RetryPolicy();
        var span = Enumerable.Range(1, policy.MaxAttempts - 1).Sum(n => policy.Backoff(n).TotalHours);
        Assert.InRange(span, 24, 25);
        _receiver.AnswerNext(Enumerable.Repeat(503, policy.MaxAttempts).ToArray());
        (await fixture.Api.PutAsync($"tasks/{_task}", """{"data":{"notes":"Aldri levert"}}""")).AssertOk();
        await AdvanceUntilAsync(() => _receiver.Deliveries.Count >= 3, TimeSpan.FromMinutes(30), maxSteps: 100);
        var failing = (await fixture.Api.GetAsync($"webhooks/{gid}")).AssertOk().Data!;
        Assert.NotNull(failing["last_failure_at"]);
        Assert.Equal("Received HTTP status 503 from the target", (string?)failing["last_failure_content"]);
        Assert.True((int)failing["delivery_retry_count"]! >= 3);
        await AdvanceUntilAsync(() => _receiver.Deliveries.Count >= policy.MaxAttempts, TimeSpan.FromMinutes(30), maxSteps: 200);
        Assert.True(await fixture.Asana.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        (await fixture.Api.GetAsync($"webhooks/{gid}")).AssertError(404, $"webhook: Not a recognized ID: {gid}");
        Assert.Equal(policy.MaxAttempts, _receiver.Deliveries.Count);
    }

    [Fact]
    public async Task without_retries_one_failure_deletes_the_webhook()
    {
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["webhookRetryHours"] = 0 });
        var gid = (string)(await CreateAsync(Project)).Data!["gid"]!;
        _receiver.AnswerNext(500);
        (await fixture.Api.PutAsync($"tasks/{_task}", """{"data":{"notes":"x"}}""")).AssertOk();
        Assert.True(await fixture.Asana.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        (await fixture.Api.GetAsync($"webhooks/{gid}")).AssertOk(404);
    }

    [Fact]
    public async Task webhooks_are_listed_per_workspace_for_their_owner_and_deleted()
    {
        var gid = (string)(await CreateAsync(Project)).Data!["gid"]!;
        var listed = (await fixture.Api.GetAsync($"webhooks?workspace={Demo}")).AssertOk().DataArray;
        Assert.Equal(["gid", "resource_type", "active", "resource", "target"], Assert.Single(listed)!.AsObject().Select(p => p.Key));
        Assert.Single((await fixture.Api.GetAsync($"webhooks?workspace={Demo}&resource={Project}")).AssertOk().DataArray);
        Assert.Empty((await fixture.Api.GetAsync($"webhooks?workspace={Demo}&resource={_task}")).AssertOk().DataArray);
        Assert.Empty((await fixture.Other.GetAsync($"webhooks?workspace={Demo}")).AssertOk().DataArray);
        (await fixture.Api.GetAsync("webhooks")).AssertError(400, "workspace: Missing input");
        Assert.Equal("""{"data":{}}""", (await fixture.Api.DeleteAsync($"webhooks/{gid}")).AssertOk().Text);
        (await fixture.Api.PutAsync($"tasks/{_task}", """{"data":{"notes":"efter sletting"}}""")).AssertOk();
        Assert.True(await fixture.Asana.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        Assert.Empty(_receiver.Deliveries);
    }

    [Theory]
    [InlineData("""{"data":{"target":"http://127.0.0.1:1/x"}}""", "resource: Missing input")]
    [InlineData("""{"data":{"resource":"1204000000000000"}}""", "target: Missing input")]
    [InlineData("""{"data":{"resource":"1204000000000000","target":"not a url"}}""", "target: Invalid URL: not a url")]
    [InlineData("""{"data":{"resource":"1204000000000000","target":"ftp://example.com/x"}}""", "target: Invalid URL: ftp://example.com/x")]
    [InlineData("""{"data":{"resource":"1299999999999999","target":"http://127.0.0.1:1/x"}}""", "resource: Unknown object: 1299999999999999")]
    [InlineData("""{"data":{"resource":"1204000000000000","target":"http://127.0.0.1:1/x","filters":{}}}""", "filters: Value is not an array: {}")]
    [InlineData("""{"data":{"resource":"1204000000000000","target":"http://127.0.0.1:1/x","filters":[{"action":"exploded"}]}}""",
        "filters: [0]: action: Not a valid enum value: \"exploded\". Valid values are: changed, added, removed, deleted, undeleted")]
    [InlineData("""{"data":{"resource":"1204000000000000","target":"http://127.0.0.1:1/x","filters":[{"colour":"red"}]}}""", "filters: [0]: colour: Unknown property")]
    public async Task a_bad_webhook_request_is_refused_before_any_handshake(string body, string message)
    {
        (await fixture.Api.PostAsync("webhooks", body)).AssertError(400, message);
        Assert.Empty(_receiver.Handshakes);
    }

    private async Task<AsanaResponse> CreateAsync(string resource, JsonArray? filters = null)
    {
        var body = new JsonObject { ["data"] = new JsonObject { ["resource"] = resource, ["target"] = _receiver.Url.ToString(), ["filters"] = filters } };
        return (await fixture.Api.PostAsync("webhooks", body.ToJsonString())).AssertOk(201);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step, int maxSteps)
    {
        for (var i = 0; i < maxSteps && !condition(); i++)
        {
            fixture.Time.Advance(step);
            await Task.Delay(10);
        }
        Assert.True(condition());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }
}
