using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Tolk.Emulation.Data;

namespace Tolk.Tidsbanken.Tests.Emulator;

/// <summary>Polling with <c>SistEndretDato gt</c>, the one-hour skew of Kunde and Prosjekt, and a person's edits.</summary>
public sealed class ChangeDetectionTests(TidsbankenFixture fixture) : IClassFixture<TidsbankenFixture>
{
    private static DateTimeOffset Parse(JsonNode? node) => DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture);

    private static string Literal(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task the_skew_is_on_by_default_and_reports_kunde_and_prosjekt_one_hour_early()
    {
        await fixture.ResetAsync();
        Assert.True((bool)(await fixture.Server.Admin.SettingsAsync())["skewSistEndretDato"]!);
        foreach (var (path, collection, id, skewed) in new[]
        {
            ("prosjekt/Kunde('K1001')", "Kunde", "K1001", true),
            ("prosjekt/Prosjekt?$filter=Id eq 'P-1002'", "Prosjekt", "P-1002", true),
            ("ansatt/ansatt?$filter=Id eq 100", "Ansatt", "100", false),
        })
        {
            var result = await fixture.GetAsync(path);
            var api = result.Body!["value"] is JsonArray values ? values[0]!.AsObject() : result.Body.AsObject();
            var stored = (await fixture.Server.Admin.GetAsync(collection, id))!;
            Assert.Equal(Parse(stored["SistEndretDato"]) - (skewed ? TimeSpan.FromHours(1) : TimeSpan.Zero), Parse(api["SistEndretDato"]));
            Assert.Equal((string?)stored["OpprettetDato"], (string?)api["OpprettetDato"]);
        }
    }

    [Fact]
    public async Task the_filter_compares_with_the_skewed_value_so_a_clock_based_cursor_misses_the_last_hour()
    {
        await fixture.ResetAsync();
        var before = fixture.Time.GetUtcNow();
        await fixture.PutAsync("prosjekt/Kunde", """[{"Id":"K1004","Telefon":"+47 900 00 000"}]""");
        Assert.Empty(await fixture.ListAsync($"prosjekt/Kunde?$filter=SistEndretDato gt {Literal(before.AddMinutes(-30))}"));
        var found = Assert.Single(await fixture.ListAsync($"prosjekt/Kunde?$filter=SistEndretDato gt {Literal(before.AddMinutes(-90))}"));
        Assert.Equal(Literal(before.AddHours(-1)), (string?)found["SistEndretDato"]);
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["skewSistEndretDato"] = false });
        var unskewed = Assert.Single(await fixture.ListAsync($"prosjekt/Kunde?$filter=SistEndretDato gt {Literal(before.AddMinutes(-30))}"));
        Assert.Equal(Literal(before), (string?)unskewed["SistEndretDato"]);
    }

    [Fact]
    public async Task polling_from_the_last_reported_value_sees_every_later_change_with_the_skew_on()
    {
        await fixture.ResetAsync();
        var all = await fixture.ListAsync("prosjekt/Prosjekt?$orderby=SistEndretDato desc&$top=1");
        var lastSeen = (string)all[0]["SistEndretDato"]!;
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await fixture.PutAsync("prosjekt/Prosjekt", """[{"Id":"P-1002","Notat":"Endret"}]""");
        var changed = Assert.Single(await fixture.ListAsync($"prosjekt/Prosjekt?$filter=SistEndretDato gt {lastSeen}"));
        Assert.Equal("Endret", (string?)changed["Notat"]);
        Assert.Empty(await fixture.ListAsync($"prosjekt/Prosjekt?$filter=SistEndretDato gt {(string)changed["SistEndretDato"]!}"));
    }

    [Fact]
    public async Task an_update_moves_sist_endret_dato_even_when_nothing_changed()
    {
        await fixture.ResetAsync();
        var before = (await fixture.Server.Admin.GetAsync("Ansatt", "101"))!;
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await fixture.PutAsync("ansatt/ansatt", $$"""[{"Id":101,"Fornavn":"{{before["Fornavn"]}}"}]""");
        var after = (await fixture.Server.Admin.GetAsync("Ansatt", "101"))!;
        Assert.Equal(fixture.Now, (string?)after["SistEndretDato"]);
        Assert.NotEqual((string?)before["SistEndretDato"], (string?)after["SistEndretDato"]);
    }

    [Fact]
    public async Task a_person_edit_is_visible_in_the_api_and_in_the_change_feed()
    {
        await fixture.ResetAsync();
        var since = Literal(fixture.Time.GetUtcNow().AddHours(-2));
        Assert.Empty(await fixture.ListAsync($"prosjekt/Kunde?$filter=SistEndretDato gt {since}"));
        fixture.Time.Advance(TimeSpan.FromMinutes(3));
        var edited = await fixture.Server.Admin.EditAsync("Kunde", "K1004", new JsonObject { ["Telefon"] = "+47 400 00 001" });
        Assert.Equal(fixture.Now, (string?)edited["SistEndretDato"]);
        var changed = Assert.Single(await fixture.ListAsync($"prosjekt/Kunde?$filter=SistEndretDato gt {since}"));
        Assert.Equal("K1004", (string?)changed["Id"]);
        Assert.Equal("+47 400 00 001", (string?)changed["Telefon"]);
    }

    [Fact]
    public async Task person_edits_are_validated_like_api_writes_and_raised_as_person_changes()
    {
        await fixture.ResetAsync();
        var changes = new List<RecordChange>();
        void Track(RecordChange c) => changes.Add(c);
        fixture.Emulator.Database.Changed += Track;
        try
        {
            await fixture.Server.Admin.EditAsync("Ansatt", "100", new JsonObject { ["Tittel"] = "Daglig leder" });
            await fixture.PutAsync("ansatt/ansatt", """[{"Id":100,"Tittel":"Konsulent"}]""");
            var bad = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                fixture.Server.Admin.EditAsync("Ansatt", "100", new JsonObject { ["Stillingsprosent"] = 250 }));
            Assert.Contains("Stillingsprosent", bad.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Server.Admin.EditAsync("Ansatt", "9999", new JsonObject { ["Tittel"] = "x" }));
            await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Server.Admin.EditAsync("Ansatt", "hundre", new JsonObject { ["Tittel"] = "x" }));
        }
        finally
        {
            fixture.Emulator.Database.Changed -= Track;
        }
        Assert.Equal(new[] { ChangeOrigin.Person, ChangeOrigin.Api }, changes.Select(c => c.Origin));
        Assert.Equal("Konsulent", (string?)(await fixture.Server.Admin.EditAsync("Ansatt", "0100", new JsonObject()))["Tittel"]);
        Assert.All(changes, c => Assert.Equal(ChangeKind.Updated, c.Kind));
    }

    [Fact]
    public async Task a_person_can_create_and_delete_a_kunde_but_not_delete_an_ansatt_or_prosjekt()
    {
        await fixture.ResetAsync();
        var created = await fixture.Server.Admin.CreateAsync("Kunde", new JsonObject { ["Id"] = "K8000", ["Navn"] = "Ny i UI AS" });
        Assert.Equal(fixture.Now, (string?)created["OpprettetDato"]);
        Assert.Equal("Ny i UI AS", (string?)(await fixture.GetAsync("prosjekt/Kunde('K8000')")).Body!["Navn"]);
        await fixture.Server.Admin.DeleteAsync("Kunde", "K8000");
        (await fixture.GetAsync("prosjekt/Kunde('K8000')")).AssertODataError(404);
        var ansatt = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Server.Admin.DeleteAsync("Ansatt", "100"));
        Assert.Contains("Sluttet=true", ansatt.Message, StringComparison.Ordinal);
        var prosjekt = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Server.Admin.DeleteAsync("Prosjekt", "P-1002"));
        Assert.Contains("Avsluttet=true", prosjekt.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Server.Admin.CreateAsync("Kunde", new JsonObject { ["Id"] = "K8001", ["Navn"] = null }));
    }

    [Fact]
    public async Task expiring_change_tokens_changes_nothing_since_a_timestamp_cursor_never_expires()
    {
        await fixture.ResetAsync();
        var since = Literal(fixture.Time.GetUtcNow().AddDays(-1000));
        var before = await fixture.ListAsync($"prosjekt/Kunde?$filter=SistEndretDato gt {since}");
        await fixture.Server.Admin.ExpireChangeTokensAsync();
        var after = await fixture.ListAsync($"prosjekt/Kunde?$filter=SistEndretDato gt {since}");
        Assert.Equal(before.Select(k => k.ToJsonString()), after.Select(k => k.ToJsonString()));
        Assert.Equal(3, after.Count);
    }

    [Fact]
    public async Task a_deleted_kunde_simply_stops_being_listed()
    {
        await fixture.ResetAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.SendAsync(HttpMethod.Delete, "prosjekt/Kunde('K1006')")).Status);
        Assert.DoesNotContain(await fixture.ListAsync("prosjekt/Kunde"), k => (string?)k["Id"] == "K1006");
    }
}
