using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tolk.Emulation.Faults;

namespace Tolk.Emulation.Tests;

public sealed class WebhookTests(KernelFixture fixture) : IClassFixture<KernelFixture>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        await fixture.Server.Admin.ResetAsync();
        _receiver = await WebhookReceiver.StartAsync();
        fixture.Notes.WebhookTarget = _receiver.Url;
    }

    public async Task DisposeAsync()
    {
        fixture.Notes.WebhookTarget = null;
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task a_change_is_delivered_with_the_emulators_headers()
    {
        await fixture.Api.PostAsJsonAsync("notes", new JsonObject { ["text"] = "hello" });
        Assert.True(await fixture.Notes.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        var (body, headers) = Assert.Single(_receiver.Received);
        Assert.Contains("\"kind\":\"Created\"", body, StringComparison.Ordinal);
        Assert.Equal("1", headers["X-Test"].ToString());
    }

    [Fact]
    public async Task a_failed_delivery_is_retried_after_the_backoff_on_the_injected_clock()
    {
        _receiver.AnswerNext(500);
        await fixture.Api.PostAsJsonAsync("notes", new JsonObject { ["text"] = "retry me" });
        await WaitUntil(() => !_receiver.Received.IsEmpty);
        Assert.Single(_receiver.Received);
        await WaitUntil(() =>
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            return _receiver.Received.Count >= 2;
        });
        Assert.True(await fixture.Notes.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        var attempts = await fixture.Server.Admin.WebhookAttemptsAsync();
        Assert.Equal([500, 200], attempts.TakeLast(2).Select(a => a.Status ?? 0));
    }

    [Fact]
    public async Task injected_webhook_faults_duplicate_drop_and_reorder_deliveries()
    {
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Duplicate, FaultTargets.Webhook, Nth: 1));
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Drop, FaultTargets.Webhook, Nth: 2));
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Reorder, FaultTargets.Webhook, Nth: 3));
        foreach (var id in new[] { "2", "3", "1", "2" })
        {
            await fixture.Server.Admin.EditAsync("notes", id, new JsonObject { ["text"] = "edit " + id });
        }
        Assert.True(await fixture.Notes.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        var ids = _receiver.Received.Select(r => (string?)JsonNode.Parse(r.Body)!["id"]).ToList();
        // 1st (note 2) twice; 2nd (note 3) dropped; 3rd (note 1) held back until after the 4th (note 2).
        Assert.Equal(["2", "2", "2", "1"], ids);
    }

    [Fact]
    public async Task a_reset_abandons_retries_still_waiting_so_nothing_old_is_delivered_later()
    {
        _receiver.AnswerNext(500);
        await fixture.Api.PostAsJsonAsync("notes", new JsonObject { ["text"] = "before reset" });
        await WaitUntil(() => !_receiver.Received.IsEmpty);
        await fixture.Server.Admin.ResetAsync();
        Assert.True(await fixture.Notes.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        var beforeReset = _receiver.Received.First().Body;
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(100);
        // The reseed announces its own records; the abandoned retry of the earlier delivery must never arrive.
        Assert.Equal(1, _receiver.Received.Count(r => r.Body == beforeReset));
    }

    [Fact]
    public async Task each_attempt_is_signed_afresh_when_the_emulator_signs_per_attempt()
    {
        var attempt = 0;
        _receiver.AnswerNext(500);
        fixture.Notes.Context.Webhooks.Enqueue(new Webhooks.WebhookDelivery("hook", _receiver.Url, "{}"u8.ToArray(),
            new Dictionary<string, string>(), new Webhooks.WebhookRetryPolicy(2, _ => TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)),
            SignAttempt: () => new Dictionary<string, string> { ["X-Attempt"] = (++attempt).ToString() }));
        await WaitUntil(() =>
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            return _receiver.Received.Count >= 2;
        });
        Assert.Equal(["1", "2"], _receiver.Received.Select(r => r.Headers["X-Attempt"]));
    }

    [Fact]
    public async Task a_410_ends_the_retries_only_where_the_system_says_so()
    {
        _receiver.AnswerNext(410, 410);
        var finished = new List<int?>();
        var policy = new Webhooks.WebhookRetryPolicy(2, _ => TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), StopOnGone: false);
        fixture.Notes.Context.Webhooks.Enqueue(new Webhooks.WebhookDelivery("hook", _receiver.Url, "{}"u8.ToArray(),
            new Dictionary<string, string>(), policy, OnFinished: a => finished.Add(a.Status)));
        await WaitUntil(() =>
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            return _receiver.Received.Count >= 2;
        });
        Assert.True(await fixture.Notes.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal([410], finished);
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
