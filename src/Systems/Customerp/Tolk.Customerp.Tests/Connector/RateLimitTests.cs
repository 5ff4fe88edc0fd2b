using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Customerp.Tests.Connector;

public sealed class RateLimitTests(CustomerpConnectorFixture fixture) : ConnectorTests(fixture)
{
    [Fact]
    public async Task reads_and_writes_under_a_lowered_rate_limit_pass_without_errors()
    {
        await Fixture.Emulator.Admin.SetSettingsAsync(new JsonObject { ["rateLimit"] = 4, ["rateLimitWindowSeconds"] = 1 });
        var connector = Fixture.Create(pageSize: 10);
        var before = await Fixture.Emulator.Admin.CallCountAsync();

        var read = await ReadAllAsync(connector, "customer", ConnectorCursor.None);
        var writes = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            connector.UpdateAsync("customer", i.ToString(System.Globalization.CultureInfo.InvariantCulture), new JsonObject { ["city"] = "Tromsø" }, default)));

        Assert.Null(read.Stopped);
        Assert.Equal(await Fixture.ExpectedIdsAsync("customer"), read.Records.Select(r => r.Id).ToHashSet());
        Assert.All(writes, w => Assert.True(w.Succeeded, w.Failure?.Message));
        var calls = (await Fixture.Emulator.Admin.CallsAsync(before)).Calls;
        Assert.Contains(calls, c => c.Status == 429);
    }
}
