using System.Net;

namespace Tolk.Tidsbanken.Tests.Emulator;

public sealed class AnsattTests(TidsbankenFixture fixture) : IClassFixture<TidsbankenFixture>
{
    private static readonly string[] AnsattFields =
    [
        "Id", "Fornavn", "Etternavn", "Epost", "Mobil", "TlfPrivat", "Adresse", "Postnummer", "Poststed", "Tittel",
        "AnsattDato", "Sluttet", "SluttetDato", "Aktiv", "AvdelingId", "Stillingsprosent", "Personnummer", "Notat",
        "SistEndretDato", "OpprettetDato",
    ];

    [Fact]
    public async Task ansatte_are_listed_at_ansatt_ansatt_with_integer_ids()
    {
        await fixture.ResetAsync();
        var result = await fixture.GetAsync("ansatt/ansatt");
        Assert.Equal($"{fixture.Server.HostUrl}ansatt/$metadata#ansatt", (string?)result.Body!["@odata.context"]);
        Assert.All(result.Values, a => Assert.Equal(AnsattFields, a.Select(p => p.Key)));
        Assert.Equal(new[] { 100, 101, 102, 104 }, result.Values.Select(a => (int)a["Id"]!));
        Assert.All(result.Values, a => Assert.Equal(System.Text.Json.JsonValueKind.Number, a["Id"]!.GetValueKind()));
    }

    [Fact]
    public async Task one_ansatt_is_read_with_a_filter_on_id()
    {
        await fixture.ResetAsync();
        var result = await fixture.ListAsync("ansatt/ansatt?$filter=Id eq 101");
        Assert.Equal(101, (int)Assert.Single(result)["Id"]!);
    }

    [Fact]
    public async Task ansatt_has_no_get_by_key()
    {
        await fixture.ResetAsync();
        (await fixture.GetAsync("ansatt/ansatt(101)")).AssertGatewayError(404);
    }

    [Fact]
    public async Task insert_goes_to_ansatt_ansatte_and_defaults_aktiv_and_sluttet()
    {
        await fixture.ResetAsync();
        var result = await fixture.PostAsync("ansatt/Ansatte", """
            [{"Id":500,"Fornavn":"Kari","Etternavn":"Nordmann","Epost":"kari.nordmann@tolkdemo.no","AnsattDato":"2024-08-01","Stillingsprosent":80}]
            """);
        Assert.Equal(HttpStatusCode.Created, result.Status);
        var created = Assert.Single(result.Values);
        Assert.Equal(500, (int)created["Id"]!);
        Assert.True((bool)created["Aktiv"]!);
        Assert.False((bool)created["Sluttet"]!);
        Assert.Equal("2024-08-01", (string?)created["AnsattDato"]);
        Assert.Equal(fixture.Now, (string?)created["OpprettetDato"]);
        Assert.NotNull(await fixture.Server.Admin.GetAsync("Ansatt", "500"));
    }

    [Fact]
    public async Task update_goes_to_ansatt_ansatt_and_ends_an_employment_without_a_delete()
    {
        await fixture.ResetAsync();
        var result = await fixture.PutAsync("ansatt/ansatt", """[{"Id":102,"Sluttet":true,"Aktiv":false,"SluttetDato":"2025-12-31"}]""");
        Assert.Equal(HttpStatusCode.OK, result.Status);
        var stored = (await fixture.Server.Admin.GetAsync("Ansatt", "102"))!;
        Assert.True((bool)stored["Sluttet"]!);
        Assert.False((bool)stored["Aktiv"]!);
    }

    [Theory]
    [InlineData("DELETE", "ansatt/ansatt(100)", "", "Sluttet=true")]
    [InlineData("DELETE", "ansatt/ansatt", "GET, PUT", "Sluttet=true")]
    [InlineData("POST", "ansatt/ansatt", "GET, PUT", "")]
    [InlineData("GET", "ansatt/Ansatte", "POST", "")]
    [InlineData("PUT", "ansatt/Ansatte", "POST", "")]
    [InlineData("PATCH", "ansatt/ansatt", "GET, PUT", "")]
    public async Task methods_the_api_does_not_have_are_405_with_allow(string method, string path, string allow, string hint)
    {
        await fixture.ResetAsync();
        var result = await fixture.SendAsync(new HttpMethod(method), path, method == "GET" ? null : """[{"Id":100}]""");
        var message = result.AssertODataError(405, "MethodNotAllowed");
        Assert.Equal(allow, result.Headers.GetValueOrDefault("Allow", ""));
        Assert.Contains(hint, message, StringComparison.Ordinal);
        Assert.NotNull(await fixture.Server.Admin.GetAsync("Ansatt", "100"));
    }

    [Theory]
    [InlineData("""[{"Id":"600","Fornavn":"A","Etternavn":"B"}]""", "Edm.Int32")]
    [InlineData("""[{"Id":0,"Fornavn":"A","Etternavn":"B"}]""", "between 1 and")]
    [InlineData("""[{"Id":-4,"Fornavn":"A","Etternavn":"B"}]""", "between 1 and")]
    [InlineData("""[{"Id":6.5,"Fornavn":"A","Etternavn":"B"}]""", "Edm.Int32")]
    [InlineData("""[{"Id":99999999999,"Fornavn":"A","Etternavn":"B"}]""", "Edm.Int32")]
    [InlineData("""[{"Fornavn":"A","Etternavn":"B"}]""", "'Id' is required")]
    [InlineData("""[{"Id":600,"Etternavn":"B"}]""", "'Fornavn' is required")]
    [InlineData("""[{"Id":600,"Fornavn":"A","Etternavn":"B","Tittel":null}]""", "Null values are not accepted on insert")]
    [InlineData("""[{"Id":600,"Fornavn":"A","Etternavn":"B","Aktiv":"ja"}]""", "Edm.Boolean")]
    [InlineData("""[{"Id":600,"Fornavn":"A","Etternavn":"B","AnsattDato":"01.08.2024"}]""", "yyyy-MM-dd")]
    [InlineData("""[{"Id":600,"Fornavn":"A","Etternavn":"B","AnsattDato":"2024-02-30"}]""", "yyyy-MM-dd")]
    [InlineData("""[{"Id":600,"Fornavn":"A","Etternavn":"B","AnsattDato":"2024-08-01T00:00:00Z"}]""", "yyyy-MM-dd")]
    [InlineData("""[{"Id":600,"Fornavn":"A","Etternavn":"B","Stillingsprosent":120}]""", "between 0 and 100")]
    [InlineData("""[{"Id":600,"Fornavn":"A","Etternavn":"B","Personnummer":"123456789012"}]""", "at most 11")]
    [InlineData("""[{"Id":600,"Fornavn":"A","Etternavn":"B","Lønn":500000}]""", "does not exist on type 'Tidsbanken.Ansatt'")]
    [InlineData("""[{"Id":600,"Fornavn":"A","Etternavn":"B","fornavn":"C"}]""", "more than once")]
    [InlineData("""[{"Id":600,"Fornavn":"A","Etternavn":"B","Adresse":{"Gate":"x"}}]""", "Edm.String")]
    public async Task a_bad_ansatt_insert_is_400_naming_the_problem_and_nothing_is_written(string body, string expected)
    {
        await fixture.ResetAsync();
        Assert.Contains(expected, (await fixture.PostAsync("ansatt/Ansatte", body)).AssertODataError(400, "BadRequest"), StringComparison.Ordinal);
        Assert.Null(await fixture.Server.Admin.GetAsync("Ansatt", "600"));
    }

    [Fact]
    public async Task a_second_ansatt_with_the_same_email_or_personnummer_is_409()
    {
        await fixture.ResetAsync();
        var epost = (string)(await fixture.Server.Admin.GetAsync("Ansatt", "100"))!["Epost"]!;
        var sameEmail = await fixture.PostAsync("ansatt/Ansatte", $$"""[{"Id":700,"Fornavn":"A","Etternavn":"B","Epost":"{{epost}}"}]""");
        Assert.Contains("Epost", sameEmail.AssertODataError(409, "Conflict"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await fixture.PutAsync("ansatt/ansatt", """[{"Id":100,"Personnummer":"01019012345"}]""")).Status);
        var samePersonnummer = await fixture.PutAsync("ansatt/ansatt", """[{"Id":101,"Personnummer":"01019012345"}]""");
        Assert.Contains("Personnummer", samePersonnummer.AssertODataError(409, "Conflict"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_update_may_keep_its_own_email()
    {
        await fixture.ResetAsync();
        var epost = (string)(await fixture.Server.Admin.GetAsync("Ansatt", "100"))!["Epost"]!;
        Assert.Equal(HttpStatusCode.OK, (await fixture.PutAsync("ansatt/ansatt", $$"""[{"Id":100,"Epost":"{{epost}}","Tittel":"Rådgiver"}]""")).Status);
    }

    [Fact]
    public async Task a_duplicate_ansatt_id_is_409()
    {
        await fixture.ResetAsync();
        (await fixture.PostAsync("ansatt/Ansatte", """[{"Id":100,"Fornavn":"A","Etternavn":"B"}]""")).AssertODataError(409, "Conflict");
    }
}
