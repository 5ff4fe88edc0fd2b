using System.Net;
using System.Text.Json.Nodes;

namespace Tolk.Tidsbanken.Tests.Emulator;

/// <summary>OData query options over a small known data set (the skew is off here; it has its own tests).</summary>
public sealed class QueryTests(TidsbankenFixture fixture) : IClassFixture<TidsbankenFixture>
{
    private async Task KnownDataAsync()
    {
        await fixture.ResetAsync(empty: true);
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["skewSistEndretDato"] = false });
        string[] kunder =
        [
            """{"Id":"K1","Navn":"Alfa AS","Postnr":"0150","Poststed":"Oslo"}""",
            """{"Id":"K2","Navn":"Beta AS","Postnr":"5003","Poststed":"Bergen"}""",
            """{"Id":"K3","Navn":"O'Neil AS"}""",
            """{"Id":"K4","Navn":"alfa bygg AS","Poststed":"Oslo"}""",
        ];
        foreach (var kunde in kunder)
        {
            Assert.Equal(HttpStatusCode.Created, (await fixture.PostAsync("prosjekt/Kunde", kunde)).Status);
            fixture.Time.Advance(TimeSpan.FromMinutes(10));
        }
        Assert.Equal(HttpStatusCode.Created, (await fixture.PostAsync("prosjekt/Prosjekt", """
            [{"Id":"P-1","Navn":"Null","KundeId":"K1","StartDato":"2025-01-15","FerdigGrad":0},
             {"Id":"P-2","Navn":"Halv","KundeId":"K2","StartDato":"2025-06-01","FerdigGrad":50},
             {"Id":"P-3","Navn":"Ferdig","StartDato":"2024-11-30","FerdigGrad":100,"Avsluttet":true}]
            """)).Status);
    }

    private async Task<string[]> IdsAsync(string path) => (await fixture.ListAsync(path)).Select(e => (string)e["Id"]!).ToArray();

    [Theory]
    [InlineData("Navn eq 'Beta AS'", "K2")]
    [InlineData("Navn eq 'beta as'", "K2")]
    [InlineData("navn EQ 'x' or Id eq 'K1'", null)]
    [InlineData("Navn ne 'Beta AS'", "K1,K3,K4")]
    [InlineData("Navn eq 'O''Neil AS'", "K3")]
    [InlineData("Postnr gt '1000'", "K2")]
    [InlineData("Postnr ge '0150'", "K1,K2")]
    [InlineData("Postnr lt '5003'", "K1")]
    [InlineData("Postnr le '5003'", "K1,K2")]
    [InlineData("Postnr eq null", "K3,K4")]
    [InlineData("Postnr ne null", "K1,K2")]
    [InlineData("null eq Postnr", "K3,K4")]
    [InlineData("startswith(Navn,'alfa')", "K1,K4")]
    [InlineData("startswith(Navn, 'Alfa') eq false", "K2,K3")]
    [InlineData("Poststed eq 'Oslo' and startswith(Navn,'Alfa A')", "K1")]
    [InlineData("Poststed eq 'Bergen' or Poststed eq 'Oslo' and Postnr eq null", "K2,K4")]
    [InlineData("(Poststed eq 'Bergen' or Poststed eq 'Oslo') and Postnr eq null", "K4")]
    [InlineData("((Id eq 'K3'))", "K3")]
    [InlineData("ID eq 'k2'", "K2")]
    public async Task filters_on_strings_nulls_and_logic(string filter, string? expected)
    {
        await KnownDataAsync();
        var result = await fixture.GetAsync($"prosjekt/Kunde?$filter={Uri.EscapeDataString(filter)}");
        if (expected is null)
        {
            result.AssertODataError(400, "BadRequest");
            return;
        }
        Assert.Equal(expected.Split(','), result.Values.Select(e => (string)e["Id"]!));
    }

    [Theory]
    [InlineData("FerdigGrad gt 0", "P-2,P-3")]
    [InlineData("FerdigGrad ge 50", "P-2,P-3")]
    [InlineData("FerdigGrad lt 50.5", "P-1,P-2")]
    [InlineData("FerdigGrad gt -1", "P-1,P-2,P-3")]
    [InlineData("PostId le 2", "P-1,P-2")]
    [InlineData("Avsluttet eq true", "P-3")]
    [InlineData("Avsluttet", "P-3")]
    [InlineData("Avsluttet ne true and FerdigGrad eq 0", "P-1")]
    [InlineData("StartDato lt 2025-01-01", "P-3")]
    [InlineData("StartDato ge 2025-01-15 and StartDato le 2025-06-01", "P-1,P-2")]
    [InlineData("KundeId eq 'K2'", "P-2")]
    [InlineData("AnsvarligId eq null", "P-1,P-2,P-3")]
    public async Task filters_on_numbers_dates_and_booleans(string filter, string expected)
    {
        await KnownDataAsync();
        Assert.Equal(expected.Split(','), await IdsAsync($"prosjekt/Prosjekt?$filter={Uri.EscapeDataString(filter)}"));
    }

    [Fact]
    public async Task filters_on_sist_endret_dato_with_offset_literals()
    {
        await KnownDataAsync();
        var k2 = (string)(await fixture.Server.Admin.GetAsync("Kunde", "K2"))!["SistEndretDato"]!;
        Assert.Equal(new[] { "K3", "K4" }, await IdsAsync($"prosjekt/Kunde?$filter=SistEndretDato gt {k2}"));
        Assert.Equal(new[] { "K2", "K3", "K4" }, await IdsAsync($"prosjekt/Kunde?$filter=SistEndretDato ge {k2}"));
        var sameInstant = DateTimeOffset.Parse(k2, System.Globalization.CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz");
        Assert.Equal(new[] { "K3", "K4" }, await IdsAsync($"prosjekt/Kunde?$filter=SistEndretDato gt {sameInstant.Replace("+", "%2B", StringComparison.Ordinal)}"));
    }

    [Fact]
    public async Task select_returns_only_the_named_properties_and_says_so_in_the_context()
    {
        await KnownDataAsync();
        var result = await fixture.GetAsync("prosjekt/Kunde?$select=id, NAVN");
        Assert.EndsWith("/prosjekt/$metadata#Kunde(Id,Navn)", (string?)result.Body!["@odata.context"], StringComparison.Ordinal);
        Assert.All(result.Values, e => Assert.Equal(new[] { "Id", "Navn" }, e.Select(p => p.Key)));
        Assert.Equal(17, (await fixture.ListAsync("prosjekt/Kunde?$select=*"))[0].Count);
    }

    [Fact]
    public async Task top_and_skip_page_in_key_order_without_a_next_link()
    {
        await KnownDataAsync();
        var first = await fixture.GetAsync("prosjekt/Kunde?$top=2");
        var second = await fixture.GetAsync("prosjekt/Kunde?$top=2&$skip=2");
        var third = await fixture.GetAsync("prosjekt/Kunde?$top=2&$skip=4");
        Assert.Equal(new[] { "K1", "K2", "K3", "K4" }, first.Values.Concat(second.Values).Select(e => (string)e["Id"]!));
        Assert.Empty(third.Values);
        Assert.All(new[] { first, second, third }, r => Assert.DoesNotContain("nextLink", r.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_list_without_top_returns_every_match()
    {
        await KnownDataAsync();
        for (var i = 0; i < 30; i++)
        {
            await fixture.PostAsync("prosjekt/Kunde", $$"""{"Id":"X{{i:D2}}","Navn":"Mange {{i}}"}""");
        }
        Assert.Equal(34, (await fixture.ListAsync("prosjekt/Kunde")).Count);
    }

    [Fact]
    public async Task orderby_takes_several_keys_with_directions_and_sorts_nulls_first()
    {
        await KnownDataAsync();
        Assert.Equal(new[] { "K3", "K2", "K4", "K1" }, await IdsAsync("prosjekt/Kunde?$orderby=Navn desc"));
        Assert.Equal(new[] { "K3", "K2", "K4", "K1" }, await IdsAsync("prosjekt/Kunde?$orderby=Poststed asc,Navn desc"));
        Assert.Equal(new[] { "K4", "K3", "K2", "K1" }, await IdsAsync("prosjekt/Kunde?$orderby=Id desc"));
        Assert.Equal(new[] { "P-3", "P-2", "P-1" }, await IdsAsync("prosjekt/Prosjekt?$orderby=FerdigGrad desc&$top=3"));
    }

    [Fact]
    public async Task count_true_adds_the_count_of_all_matches_before_paging()
    {
        await KnownDataAsync();
        var result = await fixture.GetAsync("prosjekt/Kunde?$filter=startswith(Navn,'a')&$count=true&$top=1");
        Assert.Equal(2, (int)result.Body!["@odata.count"]!);
        Assert.Single(result.Values);
        Assert.Equal(new[] { "@odata.context", "@odata.count", "value" }, result.Body.AsObject().Select(p => p.Key));
        Assert.Null((await fixture.GetAsync("prosjekt/Kunde?$count=false")).Body!["@odata.count"]);
    }

    [Fact]
    public async Task custom_query_options_without_a_dollar_are_passed_by()
    {
        await KnownDataAsync();
        Assert.Equal(4, (await fixture.ListAsync("prosjekt/Kunde?top=1&foo=bar")).Count);
    }
}
