using System.Net;
using System.Text.Json.Nodes;

namespace Tolk.Tidsbanken.Tests.Emulator;

public sealed class KundeTests(TidsbankenFixture fixture) : IClassFixture<TidsbankenFixture>
{
    private static readonly string[] KundeFields =
    [
        "Id", "Navn", "Organisasjonsnummer", "Epost", "Telefon", "Mobil", "Url", "Postadresse", "Postnr", "Poststed",
        "Gateadresse", "Leveringsadresse", "Leveringsadresse2", "LevPostNr", "LevPoststed", "SistEndretDato", "OpprettetDato",
    ];

    [Fact]
    public async Task the_list_is_an_odata_envelope_with_every_property_in_pascal_case()
    {
        await fixture.ResetAsync();
        var result = await fixture.GetAsync("prosjekt/Kunde");
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("application/json", result.MediaType);
        Assert.Equal("4.0", result.Headers["OData-Version"]);
        Assert.Equal(new[] { "@odata.context", "value" }, result.Body!.AsObject().Select(p => p.Key));
        Assert.Equal($"{fixture.Server.HostUrl}prosjekt/$metadata#Kunde", (string?)result.Body["@odata.context"]);
        Assert.All(result.Values, k => Assert.Equal(KundeFields, k.Select(p => p.Key)));
        Assert.Equal(new[] { "K1001", "K1004", "K1006" }, result.Values.Select(k => (string?)k["Id"]));
        Assert.DoesNotContain("@odata.nextLink", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task unset_properties_are_returned_as_null()
    {
        await fixture.ResetAsync();
        var kunde = (await fixture.ListAsync("prosjekt/Kunde"))[0];
        Assert.True(kunde.ContainsKey("Gateadresse"));
        Assert.Null(kunde["Gateadresse"]);
    }

    [Fact]
    public async Task one_kunde_is_read_by_its_quoted_key()
    {
        await fixture.ResetAsync();
        var result = await fixture.GetAsync("prosjekt/Kunde('K1004')");
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal($"{fixture.Server.HostUrl}prosjekt/$metadata#Kunde/$entity", (string?)result.Body!["@odata.context"]);
        Assert.Equal("K1004", (string?)result.Body["Id"]);
        var stored = await fixture.Server.Admin.GetAsync("Kunde", "K1004");
        Assert.Equal((string?)stored!["Navn"], (string?)result.Body["Navn"]);
    }

    [Theory]
    [InlineData("prosjekt/Kunde(Id='K1004')")]
    [InlineData("PROSJEKT/kunde('k1004')")]
    [InlineData("prosjekt/Kunde('K1004')/")]
    public async Task key_syntax_and_routes_are_read_as_odata_and_case_insensitively(string path)
    {
        await fixture.ResetAsync();
        var result = await fixture.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("K1004", (string?)result.Body!["Id"]);
    }

    [Fact]
    public async Task get_by_key_takes_select()
    {
        await fixture.ResetAsync();
        var result = await fixture.GetAsync("prosjekt/Kunde('K1004')?$select=Id,navn");
        Assert.Equal(new[] { "@odata.context", "Id", "Navn" }, result.Body!.AsObject().Select(p => p.Key));
        Assert.EndsWith("#Kunde(Id,Navn)/$entity", (string?)result.Body["@odata.context"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_key_is_404_in_the_odata_error_format()
    {
        await fixture.ResetAsync();
        var message = (await fixture.GetAsync("prosjekt/Kunde('K9999')")).AssertODataError(404, "NotFound");
        Assert.Contains("K9999", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prosjekt/Kunde(K1004)")]
    [InlineData("prosjekt/Kunde(1004)")]
    [InlineData("prosjekt/Kunde('K1004'")]
    [InlineData("prosjekt/Kunde('')")]
    [InlineData("prosjekt/Kunde('a'b')")]
    [InlineData("prosjekt/Kunde(Navn='K1004')")]
    [InlineData("prosjekt/Kunde('K1004')?$filter=Id eq 'K1004'")]
    [InlineData("prosjekt/Kunde('K1004')?$top=1")]
    [InlineData("prosjekt/Kunde('K1004')?$select=Nope")]
    public async Task a_malformed_key_or_option_on_get_by_key_is_400_or_404_never_500(string path)
    {
        await fixture.ResetAsync();
        var result = await fixture.GetAsync(path);
        if (result.Status == HttpStatusCode.NotFound)
        {
            Assert.Equal("Resource not found", result.AssertGatewayError(404));
        }
        else
        {
            result.AssertODataError(400, "BadRequest");
        }
    }

    [Fact]
    public async Task a_key_with_a_quote_is_written_doubled()
    {
        await fixture.ResetAsync();
        Assert.Equal(HttpStatusCode.Created, (await fixture.PostAsync("prosjekt/Kunde", """[{"Id":"O'Brien","Navn":"O'Brien AS"}]""")).Status);
        var result = await fixture.GetAsync("prosjekt/Kunde('O''Brien')");
        Assert.Equal("O'Brien AS", (string?)result.Body!["Navn"]);
    }

    [Fact]
    public async Task insert_takes_an_array_with_client_chosen_keys_and_sets_the_server_times()
    {
        await fixture.ResetAsync();
        var result = await fixture.PostAsync("prosjekt/Kunde", """
            [{"Id":"K2001","Navn":"Fjordlys AS","Organisasjonsnummer":"912345678","Epost":"post@fjordlys.no"},
             {"Id":"K2002","Navn":"Polar Data AS"}]
            """);
        Assert.Equal(HttpStatusCode.Created, result.Status);
        Assert.Equal(new[] { "K2001", "K2002" }, result.Values.Select(v => (string?)v["Id"]));
        var stored = await fixture.Server.Admin.GetAsync("Kunde", "K2001");
        Assert.Equal("912345678", (string?)stored!["Organisasjonsnummer"]);
        Assert.Equal(fixture.Now, (string?)stored["OpprettetDato"]);
        Assert.Equal(fixture.Now, (string?)stored["SistEndretDato"]);
        Assert.Null(stored["Telefon"]);
    }

    [Fact]
    public async Task insert_takes_a_single_object_too()
    {
        await fixture.ResetAsync();
        var result = await fixture.PostAsync("prosjekt/Kunde", """{"Id":"K2003","Navn":"Saga Media AS"}""");
        Assert.Equal(HttpStatusCode.Created, result.Status);
        Assert.Single(result.Values);
        Assert.NotNull(await fixture.Server.Admin.GetAsync("Kunde", "K2003"));
    }

    [Fact]
    public async Task server_maintained_properties_sent_by_a_client_are_ignored()
    {
        await fixture.ResetAsync();
        await fixture.PostAsync("prosjekt/Kunde", """[{"Id":"K2004","Navn":"Tinde AS","SistEndretDato":"2001-01-01T00:00:00.000Z","@odata.etag":"x"}]""");
        var stored = await fixture.Server.Admin.GetAsync("Kunde", "K2004");
        Assert.Equal(fixture.Now, (string?)stored!["SistEndretDato"]);
    }

    [Theory]
    [InlineData("""[{"Id":"K1001","Navn":"Again"}]""", "already exists")]
    [InlineData("""[{"Id":"k1001","Navn":"Again, in lower case"}]""", "already exists")]
    [InlineData("""[{"Id":"K3000","Navn":"A"},{"Id":"K3000","Navn":"B"}]""", "already exists")]
    public async Task a_duplicate_key_on_insert_is_409_and_nothing_is_written(string body, string expected)
    {
        await fixture.ResetAsync();
        var before = await fixture.Server.Admin.ListAsync("Kunde");
        var message = (await fixture.PostAsync("prosjekt/Kunde", body)).AssertODataError(409, "Conflict");
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Equal(before.Count, (await fixture.Server.Admin.ListAsync("Kunde")).Count);
    }

    [Fact]
    public async Task a_second_kunde_with_the_same_org_number_or_email_is_409_as_they_are_merge_keys()
    {
        await fixture.ResetAsync();
        var existing = (await fixture.Server.Admin.GetAsync("Kunde", "K1001"))!;
        var sameOrg = await fixture.PostAsync("prosjekt/Kunde", $$"""[{"Id":"K5000","Navn":"Kopi","Organisasjonsnummer":"{{existing["Organisasjonsnummer"]}}"}]""");
        Assert.Contains("Organisasjonsnummer", sameOrg.AssertODataError(409, "Conflict"), StringComparison.Ordinal);
        var sameEmail = await fixture.PostAsync("prosjekt/Kunde", $$"""[{"Id":"K5000","Navn":"Kopi","Epost":" {{((string)existing["Epost"]!).ToUpperInvariant()}} "}]""");
        Assert.Contains("Epost", sameEmail.AssertODataError(409, "Conflict"), StringComparison.Ordinal);
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["enforceMergeKeys"] = false });
        Assert.Equal(HttpStatusCode.Created, (await fixture.PostAsync("prosjekt/Kunde", $$"""[{"Id":"K5000","Navn":"Kopi","Epost":"{{existing["Epost"]}}"}]""")).Status);
    }

    [Fact]
    public async Task update_takes_the_key_in_the_body_and_changes_only_the_given_properties()
    {
        await fixture.ResetAsync();
        var before = (await fixture.Server.Admin.GetAsync("Kunde", "K1001"))!;
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        var result = await fixture.PutAsync("prosjekt/Kunde", """[{"Id":"K1001","Telefon":"+47 22 33 44 55","Url":null}]""");
        Assert.Equal(HttpStatusCode.OK, result.Status);
        var after = (await fixture.Server.Admin.GetAsync("Kunde", "K1001"))!;
        Assert.Equal("+47 22 33 44 55", (string?)after["Telefon"]);
        Assert.Null(after["Url"]);
        Assert.Equal((string?)before["Navn"], (string?)after["Navn"]);
        Assert.Equal((string?)before["OpprettetDato"], (string?)after["OpprettetDato"]);
        Assert.Equal(fixture.Now, (string?)after["SistEndretDato"]);
        Assert.NotEqual((string?)before["SistEndretDato"], (string?)after["SistEndretDato"]);
    }

    [Fact]
    public async Task an_update_of_an_unknown_key_is_404_and_the_batch_is_not_applied()
    {
        await fixture.ResetAsync();
        var result = await fixture.PutAsync("prosjekt/Kunde", """[{"Id":"K1001","Telefon":"1"},{"Id":"K7777","Telefon":"2"}]""");
        Assert.Contains("Entity 1", result.AssertODataError(404, "NotFound"), StringComparison.Ordinal);
        Assert.NotEqual("1", (string?)(await fixture.Server.Admin.GetAsync("Kunde", "K1001"))!["Telefon"]);
    }

    [Theory]
    [InlineData("""[{"Id":"K1001","Navn":null}]""", "cannot be null")]
    [InlineData("""[{"Id":"K1001","Navn":"  "}]""", "must not be empty")]
    [InlineData("""[{"Navn":"No key"}]""", "key property 'Id' is required")]
    [InlineData("""[{"Id":null,"Navn":"x"}]""", "cannot be null")]
    [InlineData("""[{"Id":"K1001","Farge":"blå"}]""", "does not exist on type 'Tidsbanken.Kunde'")]
    [InlineData("""[{"Id":"K1001","Telefon":22334455}]""", "Edm.String")]
    public async Task a_bad_update_is_400_naming_the_problem(string body, string expected)
    {
        await fixture.ResetAsync();
        Assert.Contains(expected, (await fixture.PutAsync("prosjekt/Kunde", body)).AssertODataError(400, "BadRequest"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task delete_removes_the_kunde_and_a_second_delete_is_404()
    {
        await fixture.ResetAsync();
        var first = await fixture.SendAsync(HttpMethod.Delete, "prosjekt/Kunde('K1006')");
        Assert.Equal(HttpStatusCode.NoContent, first.Status);
        Assert.Equal("", first.Text);
        Assert.Null(await fixture.Server.Admin.GetAsync("Kunde", "K1006"));
        (await fixture.SendAsync(HttpMethod.Delete, "prosjekt/Kunde('K1006')")).AssertODataError(404, "NotFound");
    }

    [Fact]
    public async Task a_kunde_a_prosjekt_refers_to_cannot_be_deleted()
    {
        await fixture.ResetAsync();
        var prosjekt = await fixture.PostAsync("prosjekt/Prosjekt", """[{"Id":"P-9001","Navn":"Binder","KundeId":"K1006"}]""");
        Assert.Equal(HttpStatusCode.Created, prosjekt.Status);
        var message = (await fixture.SendAsync(HttpMethod.Delete, "prosjekt/Kunde('K1006')")).AssertODataError(409, "Conflict");
        Assert.Contains("P-9001", message, StringComparison.Ordinal);
        Assert.NotNull(await fixture.Server.Admin.GetAsync("Kunde", "K1006"));
    }

    [Fact]
    public async Task delete_on_the_collection_or_put_on_a_key_is_405_with_allow()
    {
        await fixture.ResetAsync();
        var collection = await fixture.SendAsync(HttpMethod.Delete, "prosjekt/Kunde");
        collection.AssertODataError(405, "MethodNotAllowed");
        Assert.Equal("GET, POST, PUT", collection.Headers["Allow"]);
        var keyed = await fixture.SendAsync(HttpMethod.Put, "prosjekt/Kunde('K1001')", """{"Navn":"x"}""");
        keyed.AssertODataError(405, "MethodNotAllowed");
        Assert.Equal("GET, DELETE", keyed.Headers["Allow"]);
    }
}
