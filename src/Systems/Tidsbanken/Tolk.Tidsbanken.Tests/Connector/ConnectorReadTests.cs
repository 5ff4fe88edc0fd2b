using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Tidsbanken.Tests.Connector;

/// <summary>Incremental reads: the overlap window under the skew switch, deletions, call counts, rate-limit pressure.</summary>
public sealed class ConnectorReadTests(TidsbankenConnectorFixture fixture) : ConnectorTestBase(fixture), IClassFixture<TidsbankenConnectorFixture>
{
    private static readonly string[] Datatypes = ["kunde", "ansatt", "prosjekt"];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task an_edit_right_after_a_read_is_picked_up_and_the_overlap_repeats_nothing_unchanged(bool skew)
    {
        await SkewAsync(skew);
        var connector = Connector();
        foreach (var datatype in Datatypes)
        {
            var (all, _, cursor, _) = await ReadAllAsync(connector, datatype, ConnectorCursor.None);
            var id = all[^1].Id;
            await EditAsync(datatype, id, datatype switch { "kunde" => "Poststed", "ansatt" => "Tittel", _ => "Notat" }, "Hamar");
            var (changes, _, next, stopped) = await ReadAllAsync(connector, datatype, cursor);
            Assert.Null(stopped);
            Assert.Equal(id, Assert.Single(changes).Id);
            var (again, _, _, _) = await ReadAllAsync(connector, datatype, next);
            Assert.Empty(again);
        }
    }

    [Fact]
    public async Task turning_the_skew_on_between_reads_loses_no_edit()
    {
        await SkewAsync(false);
        var connector = Connector();
        var (all, _, cursor, _) = await ReadAllAsync(connector, "kunde", ConnectorCursor.None);
        await EditAsync("kunde", all[0].Id, "Poststed", "first");
        (_, _, cursor, _) = await ReadAllAsync(connector, "kunde", cursor);
        await SkewAsync(true);
        await EditAsync("kunde", all[1].Id, "Poststed", "second");
        var (changes, _, _, _) = await ReadAllAsync(connector, "kunde", cursor);
        Assert.Contains(changes, r => r.Id == all[1].Id && (string?)r.Properties["Poststed"] == "second");
    }

    [Fact]
    public async Task the_modification_time_of_kunde_is_corrected_for_the_skew()
    {
        var (records, _, _, _) = await ReadAllAsync(Connector(), "kunde", ConnectorCursor.None);
        var record = records[0];
        var reported = DateTimeOffset.Parse((string)record.Properties["SistEndretDato"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(reported.AddHours(1), record.ModifiedAt);
    }

    [Fact]
    public async Task a_deleted_kunde_shows_up_as_deleted_in_the_next_incremental_read()
    {
        var connector = Connector(o => o with { DeleteSweepInterval = TimeSpan.Zero });
        var (_, _, cursor, _) = await ReadAllAsync(connector, "kunde", ConnectorCursor.None);
        var used = (await Fixture.Emulator.Admin.ListAsync("Prosjekt")).Select(p => (string?)p["KundeId"]).ToHashSet();
        var free = (await Fixture.ExpectedIdsAsync("kunde")).Order(StringComparer.Ordinal).First(id => !used.Contains(id));
        await Fixture.Emulator.Admin.DeleteAsync("Kunde", free);
        var (changes, _, next, _) = await ReadAllAsync(connector, "kunde", cursor);
        var gone = Assert.Single(changes);
        Assert.Equal(free, gone.Id);
        Assert.True(gone.Deleted);
        Assert.Empty((await ReadAllAsync(connector, "kunde", next)).Records);
    }

    [Fact]
    public async Task an_unchanged_incremental_read_costs_exactly_one_call_per_datatype()
    {
        var connector = Connector();
        var cursors = new Dictionary<string, ConnectorCursor>();
        foreach (var datatype in Datatypes)
        {
            cursors[datatype] = (await ReadAllAsync(connector, datatype, ConnectorCursor.None)).Cursor;
        }
        var before = (await Fixture.Emulator.Admin.CallsAsync()).Calls.Max(c => c.Seq);
        foreach (var datatype in Datatypes)
        {
            Assert.Empty((await ReadAllAsync(connector, datatype, cursors[datatype])).Records);
        }
        var calls = (await Fixture.Emulator.Admin.CallsAsync(before)).Calls;
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Contains("SistEndretDato", Uri.UnescapeDataString(c.Query), StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_full_read_under_a_lowered_limit_retries_and_loses_nothing()
    {
        await Fixture.Emulator.Admin.SetSettingsAsync(new JsonObject { ["rateLimit"] = 1 });
        var connector = Connector(o => o with { PageSize = 1 });
        var (records, problems, _, stopped) = await ReadAllAsync(connector, "kunde", ConnectorCursor.None);
        Assert.Null(stopped);
        Assert.Empty(problems);
        Assert.Equal((await Fixture.ExpectedIdsAsync("kunde")).Order(), records.Select(r => r.Id).Distinct().Order());
        Assert.Contains((await Fixture.Emulator.Admin.CallsAsync()).Calls, c => c.Status == 429);
    }
}
