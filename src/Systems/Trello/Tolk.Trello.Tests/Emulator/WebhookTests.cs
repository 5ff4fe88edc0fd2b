using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tolk.Trello.Emulator;

namespace Tolk.Trello.Tests.Emulator;

public sealed class WebhookTests(TrelloFixture fixture) : IClassFixture<TrelloFixture>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private string Callback => _receiver.Url.ToString();

    private async Task<(JsonObject Hook, JsonObject Board, JsonArray Cards)> WatchFirstBoardAsync()
    {
        var (board, _, cards) = await fixture.FirstBoardAsync();
        var reply = await fixture.PostAsync("webhooks", new JsonObject
        {
            ["callbackURL"] = Callback, ["idModel"] = board["id"]!.DeepClone(), ["description"] = "Tolk",
        });
        Assert.Equal(200, reply.Status);
        return (reply.Obj, board, cards);
    }

    private async Task WaitUntil(Func<bool> condition, bool advance = false)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            if (advance)
            {
                fixture.Time.Advance(TimeSpan.FromSeconds(5));
            }
            await Task.Delay(10);
        }
        Assert.True(condition());
    }

    private static string Expected(byte[] body, string callback)
    {
#pragma warning disable CA5350 // Trello's signature is HMAC-SHA1; the test recomputes it independently.
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(TrelloEmulator.AppSecret));
#pragma warning restore CA5350
        return Convert.ToBase64String(hmac.ComputeHash(body.Concat(Encoding.UTF8.GetBytes(callback)).ToArray()));
    }

    [Fact]
    public async Task creating_a_webhook_sends_head_first_and_returns_the_webhook()
    {
        var (hook, board, _) = await WatchFirstBoardAsync();
        Assert.Equal(1, _receiver.Heads);
        Assert.Equal((string?)board["id"], (string?)hook["idModel"]);
        Assert.Equal(Callback, (string?)hook["callbackURL"]);
        Assert.True(hook["active"]!.GetValue<bool>());
        Assert.Equal(0, hook["consecutiveFailures"]!.GetValue<int>());
        Assert.Null(hook["firstConsecutiveFailDate"]);
        Assert.Equal(["id", "description", "idModel", "callbackURL", "active", "consecutiveFailures", "firstConsecutiveFailDate"],
            hook.Select(kv => kv.Key));
        Assert.Equal((string?)hook["id"], (string?)(await fixture.GetAsync($"webhooks/{hook["id"]}")).Obj["id"]);
        var listed = (await fixture.GetAsync($"tokens/{TrelloEmulator.ApiToken}/webhooks")).Array;
        Assert.Single(listed);
    }

    [Fact]
    public async Task a_callback_that_does_not_answer_head_with_200_gets_no_webhook()
    {
        _receiver.HeadStatus = 404;
        var (board, _, _) = await fixture.FirstBoardAsync();
        var reply = await fixture.PostAsync($"webhooks?callbackURL={Uri.EscapeDataString(Callback)}&idModel={board["id"]}");
        Assert.Equal(400, reply.Status);
        Assert.Equal("text/plain", reply.ContentType);
        Assert.Equal($"URL ({Callback}) did not return 200 status code, got 404", reply.Body);
        Assert.Empty((await fixture.GetAsync($"tokens/{TrelloEmulator.ApiToken}/webhooks")).Array);
    }

    [Fact]
    public async Task the_same_callback_model_and_token_cannot_be_registered_twice()
    {
        var (hook, _, _) = await WatchFirstBoardAsync();
        var again = await fixture.PostAsync($"webhooks?callbackURL={Uri.EscapeDataString(Callback)}&idModel={hook["idModel"]}");
        Assert.Equal(400, again.Status);
        Assert.Equal("A webhook with that callback, model, and token already exists", again.Body);
    }

    [Fact]
    public async Task a_webhook_belongs_to_its_token()
    {
        var (hook, _, _) = await WatchFirstBoardAsync();
        var other = await fixture.GetAsync($"webhooks/{hook["id"]}", TrelloEmulator.SecondApiToken);
        Assert.Equal(401, other.Status);
        Assert.Equal("webhook does not belong to token", other.Body);
        Assert.Empty((await fixture.GetAsync($"tokens/{TrelloEmulator.SecondApiToken}/webhooks")).Array);
        Assert.Equal("invalid token", (await fixture.GetAsync("tokens/nope/webhooks")).Body);
    }

    [Fact]
    public async Task a_delivery_posts_action_and_model_signed_with_the_app_secret_over_body_and_callback()
    {
        var (_, board, cards) = await WatchFirstBoardAsync();
        await fixture.PostAsync($"cards/{cards[0]!["id"]}/actions/comments?text=Varsle%20meg");
        Assert.True(await fixture.Trello.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        var (body, headers) = Assert.Single(_receiver.Deliveries);
        var payload = JsonNode.Parse(body)!;
        Assert.Equal("commentCard", (string?)payload["action"]!["type"]);
        Assert.Equal("Varsle meg", (string?)payload["action"]!["data"]!["text"]);
        Assert.Equal((string?)board["id"], (string?)payload["model"]!["id"]);
        Assert.Equal(Expected(body, Callback), headers["X-Trello-Webhook"]);
        Assert.NotEqual(Expected(body, Callback + "x"), headers["X-Trello-Webhook"]);
    }

    [Fact]
    public async Task a_failed_delivery_is_retried_three_times_with_backoff_and_failures_are_counted()
    {
        var (hook, _, cards) = await WatchFirstBoardAsync();
        foreach (var status in new[] { 500, 500, 500, 500 })
        {
            _receiver.PostAnswers.Enqueue(status);
        }
        await fixture.PutAsync($"cards/{cards[0]!["id"]}?name=Retry%20me");
        await WaitUntil(() => !_receiver.Deliveries.IsEmpty);
        // The receiver has answered; the emulator records the failure a moment later.
        var afterFirst = (await fixture.GetAsync($"webhooks/{hook["id"]}")).Obj;
        for (var i = 0; i < 200 && afterFirst["consecutiveFailures"]!.GetValue<int>() == 0; i++)
        {
            await Task.Delay(10);
            afterFirst = (await fixture.GetAsync($"webhooks/{hook["id"]}")).Obj;
        }
        Assert.Equal(1, afterFirst["consecutiveFailures"]!.GetValue<int>());
        Assert.NotNull((string?)afterFirst["firstConsecutiveFailDate"]);
        await WaitUntil(() => _receiver.Deliveries.Count >= 4, advance: true);
        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await fixture.Trello.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(4, _receiver.Deliveries.Count);
        var attempts = (await fixture.Server.Admin.WebhookAttemptsAsync()).Where(a => a.Subscription == (string?)hook["id"]).ToList();
        Assert.Equal([1, 2, 3, 4], attempts.Select(a => a.Attempt));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(30));
        Assert.True(attempts[3].At - attempts[2].At >= TimeSpan.FromSeconds(120));
        var after = (await fixture.GetAsync($"webhooks/{hook["id"]}")).Obj;
        Assert.Equal(4, after["consecutiveFailures"]!.GetValue<int>());
        Assert.Single(_receiver.Deliveries.Select(d => Convert.ToBase64String(d.Body)).Distinct());
    }

    [Fact]
    public async Task a_success_clears_the_failure_count()
    {
        var (hook, _, cards) = await WatchFirstBoardAsync();
        _receiver.PostAnswers.Enqueue(503);
        await fixture.PutAsync($"cards/{cards[0]!["id"]}?name=Once%20failed");
        await WaitUntil(() => _receiver.Deliveries.Count >= 2, advance: true);
        Assert.True(await fixture.Trello.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        var after = (await fixture.GetAsync($"webhooks/{hook["id"]}")).Obj;
        Assert.Equal(0, after["consecutiveFailures"]!.GetValue<int>());
        Assert.Null(after["firstConsecutiveFailDate"]);
    }

    [Fact]
    public async Task answering_410_deletes_the_webhook_without_retries()
    {
        var (hook, _, cards) = await WatchFirstBoardAsync();
        _receiver.PostAnswers.Enqueue(410);
        await fixture.PutAsync($"cards/{cards[0]!["id"]}?name=Gone");
        Assert.True(await fixture.Trello.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        Assert.Single(_receiver.Deliveries);
        Assert.Equal(404, (await fixture.GetAsync($"webhooks/{hook["id"]}")).Status);
    }

    [Fact]
    public async Task a_webhook_failing_long_enough_is_switched_off()
    {
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject
        {
            ["webhookRetries"] = 0, ["webhookDisableAfterFailures"] = 2, ["webhookDisableAfterDays"] = 1,
        });
        var (hook, _, cards) = await WatchFirstBoardAsync();
        for (var i = 0; i < 2; i++)
        {
            Assert.True((await fixture.GetAsync($"webhooks/{hook["id"]}")).Obj["active"]!.GetValue<bool>());
            _receiver.PostAnswers.Enqueue(500);
            await fixture.PutAsync($"cards/{cards[0]!["id"]}?name=Fail%20{i}");
            Assert.True(await fixture.Trello.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
            fixture.Time.Advance(TimeSpan.FromDays(1));
        }
        var after = (await fixture.GetAsync($"webhooks/{hook["id"]}")).Obj;
        Assert.False(after["active"]!.GetValue<bool>());
        await fixture.PutAsync($"cards/{cards[0]!["id"]}?name=Not%20sent");
        Assert.True(await fixture.Trello.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(2, _receiver.Deliveries.Count);
    }

    [Fact]
    public async Task an_inactive_webhook_sends_nothing_and_a_deleted_one_is_gone()
    {
        var (hook, _, cards) = await WatchFirstBoardAsync();
        var paused = (await fixture.PutAsync($"webhooks/{hook["id"]}?active=false&description=Paused")).Obj;
        Assert.False(paused["active"]!.GetValue<bool>());
        Assert.Equal("Paused", (string?)paused["description"]);
        await fixture.PutAsync($"cards/{cards[0]!["id"]}?name=Quiet");
        Assert.True(await fixture.Trello.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        Assert.Empty(_receiver.Deliveries);
        Assert.Equal("{\"_value\":null}", (await fixture.DeleteAsync($"webhooks/{hook["id"]}")).Body);
        Assert.Equal(404, (await fixture.GetAsync($"webhooks/{hook["id"]}")).Status);
    }

    [Fact]
    public async Task a_card_webhook_hears_only_its_card_and_the_model_is_the_card()
    {
        var (_, _, cards) = await fixture.FirstBoardAsync();
        var hook = (await fixture.PostAsync($"tokens/{TrelloEmulator.ApiToken}/webhooks?callbackURL={Uri.EscapeDataString(Callback)}&idModel={cards[0]!["id"]}")).Obj;
        Assert.Equal((string?)cards[0]!["id"], (string?)hook["idModel"]);
        await fixture.PutAsync($"cards/{cards[1]!["id"]}?name=Other");
        await fixture.PutAsync($"cards/{cards[0]!["id"]}?name=Mine");
        Assert.True(await fixture.Trello.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        var (body, _) = Assert.Single(_receiver.Deliveries);
        var payload = JsonNode.Parse(body)!;
        Assert.Equal("Mine", (string?)payload["model"]!["name"]);
        Assert.Equal("updateCard", (string?)payload["action"]!["type"]);
    }
}
