using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Trello.Emulator;

namespace Tolk.Trello.Tests.Connector;

public sealed class RateLimitTests(TrelloConnectorFixture fixture) : ConnectorTests(fixture)
{
    [Fact]
    public async Task reads_and_writes_under_lowered_limits_are_paced_by_trellos_headers_and_meet_no_429()
    {
        await Fixture.Emulator.Admin.SetSettingsAsync(new JsonObject
        {
            ["tokenLimit"] = 3, ["tokenIntervalMs"] = 1000, ["membersLimit"] = 2, ["membersIntervalMs"] = 1000,
        });
        var connector = Fixture.Create();
        var before = await Fixture.Emulator.Admin.CallCountAsync();

        var reads = new Dictionary<string, ReadResult>();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            reads[datatype] = await ReadAllAsync(connector, datatype, ConnectorCursor.None);
        }
        var orgs = (await Fixture.ExpectedIdsAsync("organization")).ToList();
        var writes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            connector.UpdateAsync("organization", orgs[i % orgs.Count], new JsonObject { ["desc"] = $"Beskrivelse {i}" }, default)));

        foreach (var (datatype, read) in reads)
        {
            Assert.Null(read.Stopped);
            Assert.Equal(await Fixture.ExpectedIdsAsync(datatype), read.Records.Select(r => r.Id).ToHashSet());
        }
        Assert.All(writes, w => Assert.True(w.Succeeded, w.Failure?.Message));
        var calls = await CallsSinceAsync(before);
        // The gate held requests back until the windows reset rather than letting Trello refuse them.
        Assert.True(calls.Count > 6, $"only {calls.Count} calls: too few to meet a limit of 3 per second");
        Assert.DoesNotContain(calls, c => c.Status == 429);
    }

    [Fact]
    public async Task two_tokens_of_one_key_share_its_limit_and_both_finish_after_the_429s_it_brings()
    {
        await Fixture.Emulator.Admin.SetSettingsAsync(new JsonObject { ["keyLimit"] = 3, ["keyIntervalMs"] = 1000 });
        var one = Fixture.Create();
        var two = Fixture.Create(change: _ => Fixture.Options(token: TrelloEmulator.SecondApiToken));
        var before = await Fixture.Emulator.Admin.CallCountAsync();

        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            ReadAllAsync(i % 2 == 0 ? one : two, "organization", ConnectorCursor.None)));

        var expected = await Fixture.ExpectedIdsAsync("organization");
        Assert.All(reads, r => Assert.Null(r.Stopped));
        Assert.All(reads, r => Assert.Equal(expected, r.Records.Select(x => x.Id).ToHashSet()));
        var calls = await CallsSinceAsync(before);
        Assert.Equal(8, calls.Count(c => c.Status == 200));
        Assert.Contains(calls, c => c.Status == 429);
    }

    [Fact]
    public async Task a_spent_members_window_is_reported_as_rate_limited_with_its_wait_without_calling_trello()
    {
        await Fixture.Emulator.Admin.SetSettingsAsync(new JsonObject { ["membersLimit"] = 1, ["membersIntervalMs"] = 900_000 });
        var connector = Fixture.Create(change: _ => Fixture.Options(maxRetries: 0));
        Assert.Null((await ReadAllAsync(connector, "organization", ConnectorCursor.None)).Stopped);
        var before = await Fixture.Emulator.Admin.CallCountAsync();

        var second = await ReadAllAsync(connector, "organization", ConnectorCursor.None);

        Assert.Equal(FailureKind.RateLimited, second.Stopped?.Kind);
        Assert.InRange(second.Stopped!.RetryAfter!.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(before, await Fixture.Emulator.Admin.CallCountAsync());
        // Reads that do not touch /1/members/ go on meanwhile.
        var cursor = (await ReadAllAsync(Fixture.Create(), "action", ConnectorCursor.None)).Cursor;
        Assert.Null((await ReadAllAsync(connector, "action", cursor)).Stopped);
    }
}
