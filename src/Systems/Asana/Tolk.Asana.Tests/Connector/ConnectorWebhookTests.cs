using System.Text;
using Tolk.Asana.Emulator.Internal;
using Tolk.Connectors.Webhooks;

namespace Tolk.Asana.Tests.Connector;

public sealed class ConnectorWebhookTests(AsanaConnectorFixture fixture) : AsanaConnectorTests(fixture)
{
    [Fact]
    public async Task registration_answers_the_handshake_saves_the_secret_and_deliveries_name_the_changed_record()
    {
        var receiver = await Fixture.ReceiverAsync();
        using var connector = Fixture.Create();
        receiver.Target = connector;
        var secretsBefore = Fixture.SavedSecrets.Count;

        Assert.Null(await connector.RegisterWebhooksAsync(receiver.Url, default));
        Assert.Equal(secretsBefore + 2, Fixture.SavedSecrets.Count); // one webhook per workspace

        receiver.Deliveries.Clear();
        var edit = await Fixture.PersonEditAsync("task");
        var delivery = await receiver.NextDeliveryAsync();
        var verdict = connector.Receive(delivery);
        Assert.Equal(200, verdict.Status);
        Assert.Contains(new ChangeHint("task", edit.Id), verdict.Hints);
    }

    [Fact]
    public async Task registering_again_keeps_the_webhooks_it_has_the_secrets_of()
    {
        var receiver = await Fixture.ReceiverAsync();
        using var connector = Fixture.Create();
        receiver.Target = connector;
        Assert.Null(await connector.RegisterWebhooksAsync(receiver.Url, default));
        var webhooks = (await Fixture.Emulator.Admin.ListAsync("webhooks")).Count;

        using var restarted = Fixture.Create();
        receiver.Target = restarted;
        Assert.Null(await restarted.RegisterWebhooksAsync(receiver.Url, default));
        Assert.Equal(webhooks, (await Fixture.Emulator.Admin.ListAsync("webhooks")).Count);
    }

    [Fact]
    public async Task registering_for_a_server_on_another_port_removes_the_webhooks_an_earlier_run_left_for_the_old_port()
    {
        var receiver = await Fixture.ReceiverAsync();
        Uri old;
        await using (var earlier = await ConnectorWebhookReceiver.StartAsync())
        {
            using var first = Fixture.Create();
            earlier.Target = first;
            Assert.Null(await first.RegisterWebhooksAsync(earlier.Url, default));
            old = earlier.Url;
        }

        using var connector = Fixture.Create();
        receiver.Target = connector;
        Assert.Null(await connector.RegisterWebhooksAsync(receiver.Url, default));

        var targets = (await Fixture.Emulator.Admin.ListAsync("webhooks")).Select(w => (string)w["target"]!).ToList();
        Assert.DoesNotContain(old.AbsoluteUri, targets);
        Assert.Equal(2, targets.Count(t => t == receiver.Url.AbsoluteUri)); // one per workspace
    }

    [Fact]
    public async Task a_connector_started_later_verifies_deliveries_with_the_saved_secrets()
    {
        var receiver = await Fixture.ReceiverAsync();
        using (var first = Fixture.Create())
        {
            receiver.Target = first;
            Assert.Null(await first.RegisterWebhooksAsync(receiver.Url, default));
        }
        using var restarted = Fixture.Create();
        receiver.Target = restarted;
        receiver.Deliveries.Clear();
        await Fixture.PersonEditAsync("project");
        var delivery = await receiver.NextDeliveryAsync();
        Assert.Equal(200, restarted.Receive(delivery).Status);
    }

    [Fact]
    public void a_signed_heartbeat_is_accepted_with_no_hints()
    {
        Fixture.SavedSecrets["1209999999999999"] = "heartbeat-secret";
        using var connector = Fixture.Create();
        var body = Encoding.UTF8.GetBytes("""{"events":[]}""");
        var verdict = connector.Receive(Delivery(body, Signatures.HmacSha256Hex("heartbeat-secret", body)));
        Assert.Equal(200, verdict.Status);
        Assert.Empty(verdict.Hints);
    }

    [Fact]
    public void events_of_other_resources_give_no_hints_and_duplicates_give_one()
    {
        Fixture.SavedSecrets["1209999999999998"] = "event-secret";
        using var connector = Fixture.Create();
        var task = Gids.For(ResourceTypes.Task, 0);
        var changed = "{\"action\":\"changed\",\"resource\":{\"gid\":\"" + task + "\",\"resource_type\":\"task\"}}";
        var story = """{"action":"added","resource":{"gid":"1","resource_type":"story"}}""";
        var body = Encoding.UTF8.GetBytes("{\"events\":[" + changed + "," + changed + "," + story + "]}");
        var verdict = connector.Receive(Delivery(body, Signatures.HmacSha256Hex("event-secret", body)));
        Assert.Equal([new ChangeHint("task", task)], verdict.Hints);
    }

    [Fact]
    public void unsigned_and_wrongly_signed_deliveries_are_refused_with_401()
    {
        using var connector = Fixture.Create();
        var body = Encoding.UTF8.GetBytes("""{"events":[]}""");
        Assert.Equal(401, connector.Receive(Delivery(body, null)).Status);
        Assert.Equal(401, connector.Receive(Delivery(body, Signatures.HmacSha256Hex("guessed", body))).Status);
    }

    [Fact]
    public void a_handshake_nobody_asked_for_is_refused()
    {
        using var connector = Fixture.Create();
        var request = new WebhookRequest("POST", new Uri("http://127.0.0.1/hooks/asana"),
            new Dictionary<string, string> { ["X-Hook-Secret"] = "attacker-chosen" }, []);
        var verdict = connector.Receive(request);
        Assert.Equal(401, verdict.Status);
        Assert.Empty(verdict.ResponseHeaders);
    }

    private static WebhookRequest Delivery(byte[] body, string? signature) =>
        new("POST", new Uri("http://127.0.0.1/hooks/asana"),
            signature is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["X-Hook-Signature"] = signature }, body);
}
