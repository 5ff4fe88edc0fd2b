using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Custompms.Tests.Connector;

public sealed class RateLimitTests(CustompmsConnectorFixture fixture) : ConnectorTests(fixture)
{
    [Fact]
    public async Task reads_and_writes_under_a_lowered_rate_limit_pass_without_errors_or_lost_records()
    {
        await Fixture.Emulator.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerSecond"] = 2 });
        var connector = Fixture.Create(pageSize: 2);
        var before = await Fixture.Emulator.Admin.CallCountAsync();
        var ids = (await Fixture.ExpectedIdsAsync("customer")).Take(3).ToList();

        var read = await ReadAllAsync(connector, "customer", ConnectorCursor.None);
        var writes = await Task.WhenAll(ids.Select(id => connector.UpdateAsync("customer", id, new JsonObject { ["phone"] = "+47 777 77 777" }, default)));

        Assert.Null(read.Stopped);
        Assert.Empty(read.Problems);
        Assert.Equal(await Fixture.ExpectedIdsAsync("customer"), read.Records.Select(r => r.Id).ToHashSet());
        Assert.All(writes, w => Assert.True(w.Succeeded, w.Failure?.Message));
        var calls = (await Fixture.Emulator.Admin.CallsAsync(before)).Calls;
        Assert.Contains(calls, c => c.Status == 429);
    }
}
