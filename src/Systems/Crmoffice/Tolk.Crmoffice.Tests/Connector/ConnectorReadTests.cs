using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Crmoffice.Tests.Connector;

public sealed class ConnectorReadTests(CrmofficeConnectorFixture fixture) : ConnectorTestBase(fixture)
{
    [Fact]
    public async Task every_datatype_is_declared_with_its_capabilities_and_users_are_read_only()
    {
        using var connector = Fixture.Create();
        Assert.Equal(["company", "contact", "activity", "user"], connector.Datatypes.Select(d => d.Name));
        foreach (var info in connector.Datatypes.Where(d => d.Name != "user"))
        {
            Assert.True(info.Can(Capabilities.Create | Capabilities.Update | Capabilities.Delete | Capabilities.Webhooks), info.Name);
        }
        Assert.Equal(Capabilities.None, connector.Datatypes.Single(d => d.Name == "user").Capabilities);
    }

    [Fact]
    public async Task records_keep_the_api_field_names_nested_address_and_references_as_ids()
    {
        using var connector = Fixture.Create();
        var (companies, _, _, _, _) = await ReadAllAsync(connector, "company", ConnectorCursor.None);
        var company = companies.First(c => c.Properties["address"] is JsonObject a && a["city"] is not null);
        Assert.StartsWith("CO-", company.Id, StringComparison.Ordinal);
        Assert.All(new[] { "name", "orgNr", "email", "phone", "website", "description", "category", "isActive", "createdAt", "updatedAt" },
            f => Assert.True(company.Properties.ContainsKey(f), f));
        Assert.NotNull(company.ModifiedAt);
        var (activities, _, _, _, _) = await ReadAllAsync(connector, "activity", ConnectorCursor.None);
        var owned = activities.First(a => a.Properties["ownerId"] is not null);
        Assert.StartsWith("US-", (string)owned.Properties["ownerId"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task incremental_reads_of_every_datatype_return_only_the_person_edits()
    {
        using var connector = Fixture.Create();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            var (_, _, cursor, _, _) = await ReadAllAsync(connector, datatype, ConnectorCursor.None);
            var (unchanged, _, cursor2, _, _) = await ReadAllAsync(connector, datatype, cursor);
            Assert.Empty(unchanged); // the overlap window is re-read but what was seen unchanged is dropped
            var first = await Fixture.PersonEditAsync(datatype);
            var second = await Fixture.PersonEditAsync(datatype); // same record, most likely the same second
            var (changes, problems, _, stopped, _) = await ReadAllAsync(connector, datatype, cursor2);
            Assert.Null(stopped);
            Assert.Empty(problems);
            var changed = Assert.Single(changes);
            Assert.Equal(first.Id, changed.Id);
            Assert.Equal(second.Value!.ToJsonString(), changed.Properties[second.Field]!.ToJsonString());
        }
    }

    [Fact]
    public async Task an_expired_access_token_is_refreshed_once_and_the_read_carries_on()
    {
        using var connector = Fixture.Create();
        var (_, _, cursor, _, _) = await ReadAllAsync(connector, "contact", ConnectorCursor.None);
        Assert.Equal(1, connector.TokensFetched);
        await Fixture.Emulator.Admin.ExpireChangeTokensAsync();
        var edit = await Fixture.PersonEditAsync("contact");
        var (changes, _, _, stopped, _) = await ReadAllAsync(connector, "contact", cursor);
        Assert.Null(stopped);
        Assert.Contains(changes, r => r.Id == edit.Id);
        Assert.Equal(2, connector.TokensFetched);
        Assert.Null(connector.Credentials.Rejected);
    }

    [Fact]
    public async Task a_short_token_lifetime_is_refreshed_before_it_runs_out()
    {
        await Fixture.Emulator.Admin.SetSettingsAsync(new JsonObject { ["tokenLifetimeSeconds"] = 1 });
        using var connector = Fixture.Create();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            Assert.Null((await ReadAllAsync(connector, datatype, ConnectorCursor.None)).Stopped);
        }
        Assert.True(connector.TokensFetched >= 2, "a token that lives one second is renewed for every request");
    }

    [Fact]
    public async Task an_incremental_read_when_nothing_changed_costs_exactly_one_call_per_datatype()
    {
        using var connector = Fixture.Create();
        var cursors = new Dictionary<string, ConnectorCursor>();
        var before = await CallsAsync();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            cursors[datatype] = (await ReadAllAsync(connector, datatype, ConnectorCursor.None)).Cursor;
        }
        var full = await CallsAsync() - before;
        Assert.Equal(1 + Fixture.ReadDatatypes.Count, full); // one token, one page per datatype (Small is under 250 each)
        before = await CallsAsync();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            await ReadAllAsync(connector, datatype, cursors[datatype]);
        }
        Assert.Equal(Fixture.ReadDatatypes.Count, await CallsAsync() - before);
    }

    [Fact]
    public async Task small_pages_under_a_lowered_rate_limit_read_everything_without_problems()
    {
        await Fixture.Emulator.Admin.SetSettingsAsync(new JsonObject { ["requestsPerSecond"] = 2 });
        using var connector = Fixture.Create(configure: o => o with { PageSize = 1 });
        var (records, problems, _, stopped, batches) = await ReadAllAsync(connector, "contact", ConnectorCursor.None);
        Assert.Null(stopped);
        Assert.Empty(problems);
        Assert.True(batches > 3, $"{batches} pages for {records.Count} records");
        Assert.Equal((await Fixture.ExpectedIdsAsync("contact")).Order(StringComparer.Ordinal),
            records.Select(r => r.Id).Distinct().Order(StringComparer.Ordinal));
        var calls = (await Fixture.Emulator.Admin.CallsAsync()).Calls;
        Assert.Contains(calls, c => c.Status == 429);
    }

    [Fact]
    public async Task a_cursor_of_an_unknown_format_starts_a_full_read()
    {
        using var connector = Fixture.Create();
        var (records, _, cursor, _, _) = await ReadAllAsync(connector, "user", new ConnectorCursor("{\"whatever\":1}", 99));
        Assert.Equal((await Fixture.ExpectedIdsAsync("user")).Count, records.Count);
        Assert.Equal(1, cursor.Format);
    }

    [Fact]
    public async Task bad_credentials_stop_the_read_and_later_calls_are_not_made()
    {
        using var connector = Fixture.Create(badCredentials: true);
        var (_, _, _, stopped, _) = await ReadAllAsync(connector, "company", ConnectorCursor.None);
        Assert.Equal(FailureKind.CredentialsRejected, stopped!.Kind);
        Assert.StartsWith("credentials rejected for crmoffice: invalid_client", stopped.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", stopped.Message, StringComparison.Ordinal);
        var before = await CallsAsync();
        var (_, _, _, again, _) = await ReadAllAsync(connector, "contact", ConnectorCursor.None);
        Assert.Equal(FailureKind.CredentialsRejected, again!.Kind);
        Assert.Equal(before, await CallsAsync());
    }
}
