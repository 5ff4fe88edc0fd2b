using System.Text.Json.Nodes;
using Tolk.Trello.Emulator;

namespace Tolk.Trello.Tests.Emulator;

/// <summary>An emulator restarted from its snapshot goes on as the same Trello: records, actions, ids and webhooks.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly TrelloFixture _before = new();
    private TrelloFixture? _after;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        await _before.InitializeAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _before.DisposeAsync();
        if (_after is not null)
        {
            await _after.DisposeAsync();
        }
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task a_restarted_emulator_answers_as_before_and_continues_its_ids_actions_and_webhooks()
    {
        var (board, lists, cards) = await _before.FirstBoardAsync();
        var created = (await _before.PostAsync($"cards?idList={lists[0]!["id"]}&name=Laget%20f%C3%B8r%20omstart")).Obj;
        (await _before.PutAsync($"cards/{cards[0]!["id"]}?name=Omd%C3%B8pt")).Obj.ToJsonString();
        Assert.Equal(200, (await _before.DeleteAsync($"cards/{cards[1]!["id"]}")).Status);
        var hook = (await _before.PostAsync("webhooks", new JsonObject
        {
            ["callbackURL"] = _receiver.Url.ToString(), ["idModel"] = board["id"]!.DeepClone(), ["description"] = "Tolk",
        })).Obj;

        _after = await _before.RestartAsync();

        foreach (var path in new[] { $"boards/{board["id"]}/cards", $"boards/{board["id"]}/actions?limit=1000", "members/me", $"tokens/{TrelloEmulator.ApiToken}/webhooks" })
        {
            Assert.Equal((await _before.GetAsync(path)).Body, (await _after.GetAsync(path)).Body);
        }
        // The webhook still belongs to the token that made it.
        Assert.Equal((string?)hook["id"], (string?)Assert.Single((await _after.GetAsync($"tokens/{TrelloEmulator.ApiToken}/webhooks")).Array)!["id"]);

        // Ids carry on from the counter: the restarted emulator makes the id the first one makes, and no id it had.
        var next = (await _after.PostAsync($"cards?idList={lists[0]!["id"]}&name=Laget%20etter%20omstart")).Obj;
        Assert.True(await _after.Server.Emulator.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains((string)next["id"]!, System.Text.Encoding.UTF8.GetString(Assert.Single(_receiver.Deliveries).Body), StringComparison.Ordinal);
        Assert.True(string.CompareOrdinal((string)next["id"]!, (string)created["id"]!) > 0);
        Assert.Equal((string?)next["id"], (string?)(await _before.PostAsync($"cards?idList={lists[0]!["id"]}&name=Laget%20etter%20omstart")).Obj["id"]);
    }
}
