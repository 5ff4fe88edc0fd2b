using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Emulation.Faults;

namespace Tolk.Tidsbanken.Tests.Connector;

/// <summary>Writes: failures mapped to kinds and fields, Ansatt numbering, archive stand-ins, lost creates.</summary>
public sealed class ConnectorWriteTests(TidsbankenConnectorFixture fixture) : ConnectorTestBase(fixture), IClassFixture<TidsbankenConnectorFixture>
{
    private static CreateRequest Request(JsonObject properties, IReadOnlyDictionary<string, string>? match = null) =>
        new(properties, Guid.NewGuid().ToString("N"), match);

    [Fact]
    public async Task write_failures_come_back_as_the_right_kind_and_field()
    {
        var connector = Connector();
        var kunde = (await Fixture.Emulator.Admin.ListAsync("Kunde"))[0];

        var missing = await connector.UpdateAsync("kunde", "K-NOPE", new JsonObject { ["Navn"] = "x" }, default);
        Assert.Equal(FailureKind.NotFound, missing.Failure?.Kind);

        var range = await connector.UpdateAsync("ansatt", "100", new JsonObject { ["Stillingsprosent"] = 250 }, default);
        Assert.Equal((FailureKind.Rejected, "Stillingsprosent"), (range.Failure?.Kind, range.Failure?.Field));

        var duplicate = await connector.CreateAsync("kunde", Request(new JsonObject { ["Navn"] = "Kopi AS", ["Epost"] = (string?)kunde["Epost"] }), default);
        Assert.Equal((FailureKind.Conflict, "Epost"), (duplicate.Failure?.Kind, duplicate.Failure?.Field));

        var dangling = await connector.CreateAsync("prosjekt", Request(new JsonObject { ["Id"] = "P-T1", ["Navn"] = "x", ["KundeId"] = "K-NOPE" }), default);
        Assert.Equal((FailureKind.Rejected, "KundeId"), (dangling.Failure?.Kind, dangling.Failure?.Field));

        var project = await connector.CreateAsync("prosjekt", Request(new JsonObject { ["Id"] = "P-T2", ["Navn"] = "x", ["KundeId"] = (string?)kunde["Id"] }), default);
        Assert.True(project.Succeeded, project.Failure?.Message);
        Assert.Equal(FailureKind.Conflict, (await connector.DeleteAsync("kunde", (string)kunde["Id"]!, default)).Failure?.Kind);
    }

    [Fact]
    public async Task persistent_rate_limits_outages_and_bad_credentials_are_values()
    {
        var connector = Connector(o => o with { MaxRetries = 1, });
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "PUT", Status: 503, Probability: 1.0, Times: 2));
        Assert.Equal(FailureKind.Unavailable, (await connector.UpdateAsync("kunde", "K1001", new JsonObject { ["Navn"] = "x" }, default)).Failure?.Kind);
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "PUT", Status: 429, Probability: 1.0, Times: 2));
        var limited = await connector.UpdateAsync("kunde", "K1001", new JsonObject { ["Navn"] = "x" }, default);
        Assert.Equal(FailureKind.RateLimited, limited.Failure?.Kind);
        Assert.NotNull(limited.Failure?.RetryAfter);
        var bad = Fixture.Create(Fixture.Options(badCredentials: true));
        var refused = await bad.CreateAsync("kunde", Request(new JsonObject { ["Navn"] = "x" }), default);
        Assert.Equal(FailureKind.CredentialsRejected, refused.Failure?.Kind);
        Assert.StartsWith("credentials rejected for tidsbanken", refused.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_ansatt_without_a_number_gets_the_next_free_id_and_delete_deactivates_it()
    {
        var connector = Connector();
        var max = (await Fixture.ExpectedIdsAsync("ansatt")).Max(int.Parse);
        var created = await connector.CreateAsync("ansatt", Request(new JsonObject { ["Fornavn"] = "Kari", ["Etternavn"] = "Nordmann", ["Epost"] = "kari@example.no", ["Mobil"] = null }), default);
        Assert.True(created.Succeeded, created.Failure?.Message);
        Assert.Equal((max + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), created.Record!.Id);
        var deleted = await connector.DeleteAsync("ansatt", created.Record.Id, default);
        Assert.True(deleted.Succeeded, deleted.Failure?.Message);
        Assert.False(deleted.Record!.Deleted);
        Assert.Equal((false, true), ((bool)deleted.Record.Properties["Aktiv"]!, (bool)deleted.Record.Properties["Sluttet"]!));
    }

    [Fact]
    public async Task deleting_a_prosjekt_closes_it()
    {
        var connector = Connector();
        var id = (await connector.CreateAsync("prosjekt", Request(new JsonObject { ["Id"] = "P-T3", ["Navn"] = "Åpent" }), default)).Record!.Id;
        var closed = await connector.DeleteAsync("prosjekt", id, default);
        Assert.True((bool)closed.Record!.Properties["Avsluttet"]!);
    }

    [Theory]
    [InlineData("ansatt")]
    [InlineData("kunde")]
    public async Task a_lost_create_response_is_recovered_inside_create_without_a_second_insert(string datatype)
    {
        var before = await Fixture.ExpectedIdsAsync(datatype);
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Nth: 1));
        var properties = datatype == "kunde"
            ? new JsonObject { ["Navn"] = "Tapt Svar AS", ["Organisasjonsnummer"] = "911222333" }
            : new JsonObject { ["Fornavn"] = "Ola", ["Etternavn"] = "Tapt", ["Epost"] = "ola.tapt@example.no" };
        var created = await Connector().CreateAsync(datatype, Request(properties), default);
        Assert.True(created.Succeeded, created.Failure?.Message);
        var added = Assert.Single((await Fixture.ExpectedIdsAsync(datatype)).Except(before));
        Assert.Equal(added, created.Record!.Id);
    }

    [Fact]
    public void the_options_never_show_their_secrets()
    {
        var text = Fixture.Options().ToString();
        Assert.DoesNotContain(Tolk.Tidsbanken.Emulator.TidsbankenEmulator.DemoTbKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Tolk.Tidsbanken.Emulator.TidsbankenEmulator.DemoSubscriptionKey, text, StringComparison.Ordinal);
    }
}
