using System.Text;
using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Connectors.Webhooks;
using Tolk.Crmoffice.Emulator.Internal;
using Tolk.Crmoffice.Tests.Emulator;

namespace Tolk.Crmoffice.Tests.Connector;

public sealed class ConnectorWebhookTests(CrmofficeConnectorFixture fixture) : ConnectorTestBase(fixture)
{
    private static readonly Uri Callback = CrmofficeConnectorFixture.CallbackUrl;

    [Fact]
    public async Task registration_sends_the_three_collections_and_a_secret_derived_without_storage()
    {
        using var connector = Fixture.Create();
        Assert.Null(await connector.RegisterWebhooksAsync(Callback, default));
        var hook = (await Fixture.Emulator.Admin.ListAsync("webhooks"))[^1];
        Assert.Equal(["companies", "contacts", "activities"], hook["events"]!.AsArray().Select(e => (string)e!));
        using var restarted = Fixture.Create();
        var verdict = restarted.Receive(Signed(Callback, (string)hook["secret"]!, """{"event":"companies.created","id":"CO-000001","timestamp":"x"}"""));
        Assert.Equal(200, verdict.Status);
        Assert.Equal(new ChangeHint("company", "CO-000001"), Assert.Single(verdict.Hints));
    }

    [Fact]
    public async Task a_timestamp_older_than_five_minutes_is_refused_as_a_replay()
    {
        using var connector = Fixture.Create(configure: o => o with { WebhookSecret = "sixteen-chars-secret" });
        var old = Signed(Callback, "sixteen-chars-secret", """{"event":"contacts.updated","id":"CT-000001"}""", DateTimeOffset.UtcNow.AddMinutes(-6));
        var verdict = connector.Receive(old);
        Assert.Equal(401, verdict.Status);
        Assert.Contains("replay", verdict.Rejection, StringComparison.Ordinal);
        Assert.Empty(verdict.Hints);
    }

    [Fact]
    public async Task a_missing_signature_or_a_wrong_secret_is_refused_with_401()
    {
        using var connector = Fixture.Create(configure: o => o with { WebhookSecret = "sixteen-chars-secret" });
        var body = Encoding.UTF8.GetBytes("""{"event":"contacts.updated","id":"CT-000001"}""");
        Assert.Equal(401, connector.Receive(new WebhookRequest("POST", Callback, new Dictionary<string, string>(), body)).Status);
        Assert.Equal(401, connector.Receive(Signed(Callback, "another-secret-entirely", """{"event":"contacts.updated","id":"CT-000001"}""")).Status);
    }

    [Fact]
    public async Task a_person_delete_arrives_as_a_webhook_and_the_next_incremental_read_reports_the_record_deleted()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var connector = Fixture.Create();
        var created = await connector.CreateAsync("contact", new CreateRequest(
            new JsonObject { ["givenName"] = "Ola", ["familyName"] = "Slettes" }, "k"), default);
        var (_, _, cursor, _, _) = await ReadAllAsync(connector, "contact", ConnectorCursor.None);
        Assert.Null(await connector.RegisterWebhooksAsync(receiver.Url, default));
        await Fixture.Emulator.Admin.DeleteAsync("contacts", created.Record!.Id);
        var delivery = await WaitForAsync(receiver);

        var verdict = connector.Receive(new WebhookRequest("POST", receiver.Url,
            new Dictionary<string, string> { ["x-crmoffice-signature"] = delivery.Signature }, delivery.Body));
        Assert.Equal(new ChangeHint("contact", created.Record.Id), Assert.Single(verdict.Hints));

        var (changes, _, _, stopped, _) = await ReadAllAsync(connector, "contact", cursor);
        Assert.Null(stopped);
        var deleted = Assert.Single(changes);
        Assert.Equal(created.Record.Id, deleted.Id);
        Assert.True(deleted.Deleted);
    }

    private static async Task<Delivery> WaitForAsync(WebhookReceiver receiver)
    {
        for (var i = 0; i < 100; i++)
        {
            if (receiver.Received.TryPeek(out var delivery))
            {
                return delivery;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("no webhook delivery arrived");
    }

    private static WebhookRequest Signed(Uri callback, string secret, string json, DateTimeOffset? at = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var signature = SigningHeaders.Sign(body, secret, (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds());
        return new WebhookRequest("POST", callback, new Dictionary<string, string> { ["X-Crmoffice-Signature"] = signature }, body);
    }
}
