using System.Net;

namespace Tolk.Tidsbanken.Tests.Emulator;

public sealed class ProsjektTests(TidsbankenFixture fixture) : IClassFixture<TidsbankenFixture>
{
    private static readonly string[] ProsjektFields =
    [
        "Id", "PostId", "Navn", "Notat", "KundeId", "AnsvarligId", "StartDato", "FerdigDato", "Avsluttet", "AvsluttetDato",
        "FerdigGrad", "EksternId", "SistEndretDato", "OpprettetDato",
    ];

    [Fact]
    public async Task prosjekter_are_keyed_by_the_project_number_with_a_server_post_id()
    {
        await fixture.ResetAsync();
        var prosjekt = Assert.Single(await fixture.ListAsync("prosjekt/Prosjekt"));
        Assert.Equal(ProsjektFields, prosjekt.Select(p => p.Key));
        Assert.Equal("P-1002", (string?)prosjekt["Id"]);
        Assert.Equal(1, (int)prosjekt["PostId"]!);
    }

    [Fact]
    public async Task one_prosjekt_is_read_with_a_filter_on_its_quoted_id()
    {
        await fixture.ResetAsync();
        Assert.Single(await fixture.ListAsync("prosjekt/Prosjekt?$filter=Id eq 'P-1002'"));
        Assert.Empty(await fixture.ListAsync("prosjekt/Prosjekt?$filter=Id eq 'P-1'"));
    }

    [Fact]
    public async Task insert_assigns_the_next_post_id_and_ignores_one_sent_by_the_client()
    {
        await fixture.ResetAsync();
        var result = await fixture.PostAsync("prosjekt/Prosjekt", """
            [{"Id":"P-5001","Navn":"Skyflytting","KundeId":"K1001","AnsvarligId":100,"StartDato":"2026-02-01","FerdigDato":"2026-06-30","PostId":77},
             {"Id":"P-5002","Navn":"Kundeportal"}]
            """);
        Assert.Equal(HttpStatusCode.Created, result.Status);
        Assert.Equal(new[] { 2, 3 }, result.Values.Select(p => (int)p["PostId"]!));
        Assert.Equal(0, (int)result.Values[1]["FerdigGrad"]!);
        Assert.False((bool)result.Values[1]["Avsluttet"]!);
    }

    [Theory]
    [InlineData("""[{"Id":"P-6001","Navn":"X","KundeId":"K4242"}]""", "KundeId 'K4242' does not refer to an existing Kunde")]
    [InlineData("""[{"Id":"P-6001","Navn":"X","AnsvarligId":4242}]""", "AnsvarligId 4242 does not refer to an existing Ansatt")]
    [InlineData("""[{"Id":"P-6001","Navn":"X","AnsvarligId":"100"}]""", "Edm.Int32")]
    [InlineData("""[{"Id":"P-6001","Navn":"X","FerdigGrad":101}]""", "between 0 and 100")]
    [InlineData("""[{"Id":"P-6001","Navn":"X","Avsluttet":1}]""", "Edm.Boolean")]
    [InlineData("""[{"Id":"P-6001","Navn":"X","StartDato":"2026-13-01"}]""", "yyyy-MM-dd")]
    [InlineData("""[{"Id":"P-6001","Navn":"X","EksternId":null}]""", "Null values are not accepted on insert")]
    [InlineData("""[{"Id":"P-6001"}]""", "'Navn' is required")]
    [InlineData("""[{"Id":"P-6001","Navn":"X","Status":"active"}]""", "does not exist on type 'Tidsbanken.Prosjekt'")]
    [InlineData("""[{"Id":7,"Navn":"X"}]""", "Edm.String")]
    public async Task a_bad_prosjekt_insert_is_400_naming_the_problem(string body, string expected)
    {
        await fixture.ResetAsync();
        Assert.Contains(expected, (await fixture.PostAsync("prosjekt/Prosjekt", body)).AssertODataError(400, "BadRequest"), StringComparison.Ordinal);
        Assert.Empty(await fixture.ListAsync("prosjekt/Prosjekt?$filter=Id eq 'P-6001'"));
    }

    [Fact]
    public async Task a_name_longer_than_the_limit_is_400()
    {
        await fixture.ResetAsync();
        var body = $$"""[{"Id":"P-6002","Navn":"{{new string('x', 101)}}"}]""";
        Assert.Contains("at most 100", (await fixture.PostAsync("prosjekt/Prosjekt", body)).AssertODataError(400), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_prosjekt_is_closed_by_setting_avsluttet_since_there_is_no_delete()
    {
        await fixture.ResetAsync();
        var result = await fixture.PutAsync("prosjekt/Prosjekt", """[{"Id":"P-1002","Avsluttet":true,"AvsluttetDato":"2026-01-05","FerdigGrad":100}]""");
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.True((bool)Assert.Single(result.Values)["Avsluttet"]!);
        var delete = await fixture.SendAsync(HttpMethod.Delete, "prosjekt/Prosjekt('P-1002')");
        Assert.Contains("Avsluttet=true", delete.AssertODataError(405, "MethodNotAllowed"), StringComparison.Ordinal);
        Assert.Single(await fixture.ListAsync("prosjekt/Prosjekt"));
    }

    [Fact]
    public async Task an_update_cannot_point_at_a_missing_kunde_nor_change_the_post_id()
    {
        await fixture.ResetAsync();
        (await fixture.PutAsync("prosjekt/Prosjekt", """[{"Id":"P-1002","KundeId":"K0"}]""")).AssertODataError(400);
        Assert.Equal(HttpStatusCode.OK, (await fixture.PutAsync("prosjekt/Prosjekt", """[{"Id":"P-1002","PostId":99,"KundeId":null}]""")).Status);
        var stored = (await fixture.Server.Admin.GetAsync("Prosjekt", "P-1002"))!;
        Assert.Equal(1, (int)stored["PostId"]!);
        Assert.Null(stored["KundeId"]);
    }
}
