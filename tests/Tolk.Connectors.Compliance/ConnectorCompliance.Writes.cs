using System.Text.Json.Nodes;
using Tolk.Emulation.Faults;

namespace Tolk.Connectors.Compliance;

public abstract partial class ConnectorCompliance<TFixture>
{
    [Fact]
    public async Task create_update_and_delete_round_trip_through_the_api()
    {
        var connector = Fixture.CreateConnector();
        var write = Fixture.WriteCase;
        var info = connector.Datatypes.Single(d => d.Name == write.Datatype);
        Assert.True(info.Can(Capabilities.Create | Capabilities.Update), $"{write.Datatype} must declare create and update");

        var created = await connector.CreateAsync(write.Datatype, new CreateRequest(write.Create, Guid.NewGuid().ToString("N"), write.MatchFields), default);
        Assert.True(created.Succeeded, created.Failure?.Message);
        var id = created.Record!.Id;
        AssertHas(created.Record, write.Create);

        var updated = await connector.UpdateAsync(write.Datatype, id, write.Update, default);
        Assert.True(updated.Succeeded, updated.Failure?.Message);
        AssertHas(updated.Record!, write.Update);
        var (afterUpdate, _, _, _) = await ReadAllAsync(connector, write.Datatype, ConnectorCursor.None);
        AssertHas(afterUpdate.Single(r => r.Id == id), write.Update);

        var deleted = await connector.DeleteAsync(write.Datatype, id, default);
        Assert.True(deleted.Succeeded, deleted.Failure?.Message);
        var (afterDelete, _, _, _) = await ReadAllAsync(connector, write.Datatype, ConnectorCursor.None);
        Assert.True(afterDelete.Where(r => r.Id == id).All(r => r.Deleted || info.Can(Capabilities.Archive)),
            "a deleted record is gone, marked deleted, or (for archive-only datatypes) archived");
    }

    [Fact]
    public async Task a_lost_create_response_does_not_produce_a_duplicate()
    {
        var connector = Fixture.CreateConnector();
        var write = Fixture.WriteCase;
        var before = await Fixture.ExpectedIdsAsync(write.Datatype);
        // A read first, so any POST the connector makes to authenticate (Crmoffice's token) happens before the fault:
        // the lost response must be the create's.
        await ReadAllAsync(connector, write.Datatype, ConnectorCursor.None);
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Nth: 1));
        var request = new CreateRequest(write.Create, Guid.NewGuid().ToString("N"), write.MatchFields);

        var first = await connector.CreateAsync(write.Datatype, request, default);
        var recovered = first.Succeeded ? first.Record : await connector.FindCreatedAsync(write.Datatype, request, default);
        if (recovered is null)
        {
            var retried = await connector.CreateAsync(write.Datatype, request, default);
            Assert.True(retried.Succeeded, retried.Failure?.Message);
        }

        var after = await Fixture.ExpectedIdsAsync(write.Datatype);
        Assert.Single(after.Except(before));
    }

    [Fact]
    public async Task the_cursor_survives_a_restart_and_the_next_collect_appends_only_the_edit()
    {
        var path = NewStorePath();
        var datatype = Fixture.ReadDatatypes[0];
        await using (var store = await OpenStoreAsync(path))
        {
            var first = await new Collector(store).CollectAsync(Fixture.CreateConnector(), datatype);
            Assert.Null(first.Stopped);
            Assert.Equal((await Fixture.ExpectedIdsAsync(datatype)).Count, first.Appended);
        }
        var edit = await Fixture.PersonEditAsync(datatype);
        await using (var reopened = await OpenStoreAsync(path))
        {
            var second = await new Collector(reopened).CollectAsync(Fixture.CreateConnector(), datatype);
            Assert.Null(second.Stopped);
            Assert.Equal(1, second.Appended);
            var latest = await reopened.GetLatestAsync(new Tolk.Hub.Store.Dataset(Fixture.CreateConnector().System, datatype), edit.Id);
            Assert.NotNull(latest);
            Assert.Contains(edit.Value?.ToJsonString() ?? "null", latest.Content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task a_webhook_with_a_valid_signature_is_accepted_and_a_tampered_one_refused()
    {
        var connector = Fixture.CreateConnector();
        var webhooks = await Fixture.WebhookCaseAsync();
        if (connector is not Webhooks.IWebhookConnector receiver || webhooks is null)
        {
            Assert.Null(webhooks); // a system without webhooks must not pretend to have them
            return;
        }
        var accepted = receiver.Receive(webhooks.Valid);
        Assert.InRange(accepted.Status, 200, 299);
        Assert.Null(accepted.Rejection);
        var refused = receiver.Receive(webhooks.Tampered);
        Assert.Equal(401, refused.Status);
        Assert.NotNull(refused.Rejection);
        Assert.Empty(refused.Hints);
    }

    private static void AssertHas(ConnectorRecord record, JsonObject expected)
    {
        foreach (var (name, value) in expected)
        {
            Assert.True(JsonNode.DeepEquals(value, record.Properties[name]),
                $"{record.Id}.{name}: expected {value?.ToJsonString()}, got {record.Properties[name]?.ToJsonString()}");
        }
    }
}
