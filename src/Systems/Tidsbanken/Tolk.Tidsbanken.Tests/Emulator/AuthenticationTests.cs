using System.Net;
using Tolk.Tidsbanken.Emulator;

namespace Tolk.Tidsbanken.Tests.Emulator;

public sealed class AuthenticationTests(TidsbankenFixture fixture) : IClassFixture<TidsbankenFixture>
{
    private static Dictionary<string, string?> Without(string header) => new() { [header] = null };

    [Fact]
    public async Task a_request_with_all_three_headers_is_served()
    {
        await fixture.ResetAsync();
        var result = await fixture.GetAsync("prosjekt/Kunde");
        Assert.Equal(HttpStatusCode.OK, result.Status);
    }

    [Fact]
    public async Task a_missing_subscription_key_gets_the_gateways_401()
    {
        await fixture.ResetAsync();
        var message = (await fixture.SendAsync(HttpMethod.Get, "prosjekt/Kunde", headers: Without("Ocp-Apim-Subscription-Key"))).AssertGatewayError(401);
        Assert.StartsWith("Access denied due to missing subscription key.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_wrong_subscription_key_gets_the_gateways_401()
    {
        await fixture.ResetAsync();
        var result = await fixture.SendAsync(HttpMethod.Get, "prosjekt/Kunde",
            headers: new Dictionary<string, string?> { ["Ocp-Apim-Subscription-Key"] = "00000000000000000000000000000000" });
        Assert.StartsWith("Access denied due to invalid subscription key.", result.AssertGatewayError(401), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_subscription_key_may_come_as_a_query_parameter_as_api_management_allows()
    {
        await fixture.ResetAsync();
        var result = await fixture.SendAsync(HttpMethod.Get, $"prosjekt/Kunde?subscription-key={TidsbankenEmulator.DemoSubscriptionKey}",
            headers: Without("Ocp-Apim-Subscription-Key"));
        Assert.Equal(HttpStatusCode.OK, result.Status);
    }

    [Fact]
    public async Task a_missing_tb_key_gets_401()
    {
        await fixture.ResetAsync();
        var message = (await fixture.SendAsync(HttpMethod.Get, "ansatt/ansatt", headers: Without("tb-key"))).AssertGatewayError(401);
        Assert.Contains("missing tb-key", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_wrong_tb_key_gets_401_and_changes_nothing()
    {
        await fixture.ResetAsync();
        var result = await fixture.SendAsync(HttpMethod.Post, "prosjekt/Kunde", """[{"Id":"K9","Navn":"Ny"}]""",
            headers: new Dictionary<string, string?> { ["tb-key"] = "someone-elses-database" });
        Assert.Contains("invalid tb-key", result.AssertGatewayError(401), StringComparison.Ordinal);
        Assert.Null(await fixture.Server.Admin.GetAsync("Kunde", "K9"));
    }

    [Fact]
    public async Task a_missing_api_version_is_refused_with_api_version_unspecified()
    {
        await fixture.ResetAsync();
        var result = await fixture.SendAsync(HttpMethod.Get, "prosjekt/Prosjekt", headers: Without("x-api-version"));
        Assert.Equal("An API version is required, but was not specified.", result.AssertODataError(400, "ApiVersionUnspecified"));
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("3")]
    [InlineData("4.0")]
    public async Task another_api_version_is_refused_with_unsupported_api_version(string version)
    {
        await fixture.ResetAsync();
        var result = await fixture.SendAsync(HttpMethod.Get, "prosjekt/Prosjekt", headers: new Dictionary<string, string?> { ["x-api-version"] = version });
        Assert.Contains($"does not support the API version '{version}'", result.AssertODataError(400, "UnsupportedApiVersion"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_subscription_key_is_checked_before_anything_else()
    {
        await fixture.ResetAsync();
        var result = await fixture.SendAsync(HttpMethod.Get, "no/such/path", headers: new Dictionary<string, string?>
        {
            ["Ocp-Apim-Subscription-Key"] = null, ["tb-key"] = null, ["x-api-version"] = null,
        });
        Assert.StartsWith("Access denied due to missing subscription key.", result.AssertGatewayError(401), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_admin_channel_needs_no_credentials()
    {
        await fixture.ResetAsync();
        using var response = await fixture.Raw.GetAsync(new Uri(fixture.Server.HostUrl, "_emulator/records/Kunde"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void the_credentials_are_named_as_tidsbankens_docs_name_the_headers()
    {
        var credentials = fixture.Server.Emulator.Credentials;
        Assert.Equal(TidsbankenEmulator.DemoTbKey, credentials["tb-key"]);
        Assert.Equal(TidsbankenEmulator.DemoSubscriptionKey, credentials["Ocp-Apim-Subscription-Key"]);
        Assert.Equal("tidsbanken", fixture.Server.Emulator.Name);
        Assert.Equal("", fixture.Server.Emulator.ApiPrefix);
    }
}
