using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Custompms.Tests.Connector;

public sealed class CredentialTests(CustompmsConnectorFixture fixture) : ConnectorTests(fixture)
{
    [Fact]
    public async Task a_rejected_key_costs_one_call_and_every_later_read_or_write_fails_at_once_with_the_same_message()
    {
        var bad = Fixture.Create(badCredentials: true);
        var before = await Fixture.Emulator.Admin.CallCountAsync();

        var read = await ReadAllAsync(bad, "task", ConnectorCursor.None);
        var again = await ReadAllAsync(bad, "project", ConnectorCursor.None);
        var write = await bad.UpdateAsync("customer", Guid.NewGuid().ToString(), new JsonObject { ["phone"] = "1" }, default);

        Assert.Equal(1, await Fixture.Emulator.Admin.CallCountAsync() - before);
        foreach (var failure in new[] { read.Stopped, again.Stopped, write.Failure })
        {
            Assert.Equal(FailureKind.CredentialsRejected, failure!.Kind);
            Assert.StartsWith("credentials rejected for custompms: ", failure.Message, StringComparison.Ordinal);
        }
        Assert.Empty(read.Records);
    }

    [Fact]
    public async Task another_connector_with_a_good_key_carries_on()
    {
        await ReadAllAsync(Fixture.Create(badCredentials: true), "task", ConnectorCursor.None);
        var good = await ReadAllAsync(Fixture.Create(), "task", ConnectorCursor.None);
        Assert.Null(good.Stopped);
        Assert.NotEmpty(good.Records);
    }
}
