using System.Text.Json.Nodes;
using Tolk.Crmoffice.Emulator;

namespace Tolk.Crmoffice.Tests.Emulator;

public sealed class AuthTests(CrmofficeFixture fixture) : IClassFixture<CrmofficeFixture>, IAsyncLifetime
{
    private CrmApi Api => fixture.Api;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Form(string grant = "client_credentials", string id = CrmofficeEmulator.DemoClientId,
        string secret = CrmofficeEmulator.DemoClientSecret) => new() { ["grant_type"] = grant, ["client_id"] = id, ["client_secret"] = secret };

    [Fact]
    public async Task client_credentials_get_a_bearer_token_that_lives_3600_seconds()
    {
        var response = await Api.TokenAsync(Form());
        Assert.Equal(200, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal(["access_token", "expires_in", "token_type"], response.Json.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Bearer", (string?)response.Body!["token_type"]);
        Assert.Equal(3600, (int)response.Body["expires_in"]!);
        Assert.Equal("no-store", response.Headers["Cache-Control"]);
        var token = (string)response.Body["access_token"]!;
        Assert.Equal(200, (await Api.SendAsync(HttpMethod.Get, "companies", token: token)).Status);
    }

    [Fact]
    public async Task the_credentials_are_the_documented_demo_ones() =>
        Assert.Equal(new Dictionary<string, string> { ["client_id"] = "tolk-demo", ["client_secret"] = "crmoffice-demo-secret" },
            fixture.Emulator.Credentials);

    [Theory]
    [InlineData(CrmofficeEmulator.DemoClientId, "wrong-secret")]
    [InlineData("someone-else", CrmofficeEmulator.DemoClientSecret)]
    public async Task a_wrong_client_gets_400_invalid_client(string id, string secret) =>
        (await Api.TokenAsync(Form(id: id, secret: secret))).AssertError(400, "invalid_client");

    [Fact]
    public async Task another_grant_gets_400_unsupported_grant_type() =>
        (await Api.TokenAsync(Form(grant: "password"))).AssertError(400, "unsupported_grant_type");

    [Theory]
    [InlineData("grant_type")]
    [InlineData("client_id")]
    [InlineData("client_secret")]
    public async Task a_missing_parameter_gets_400_invalid_request_naming_it(string parameter)
    {
        var form = Form();
        form.Remove(parameter);
        var details = (await Api.TokenAsync(form)).AssertError(400, "invalid_request");
        Assert.Equal(parameter, (string?)Assert.Single(details)!["field"]);
    }

    [Fact]
    public async Task a_json_token_request_gets_400_invalid_request()
    {
        var body = new JsonObject { ["grant_type"] = "client_credentials", ["client_id"] = CrmofficeEmulator.DemoClientId };
        (await Api.SendAsync(HttpMethod.Post, "oauth/token", body.ToJsonString(), token: "")).AssertError(400, "invalid_request");
    }

    [Fact]
    public async Task a_token_expires_after_3600_seconds_of_the_clock()
    {
        fixture.Time.Advance(TimeSpan.FromSeconds(3599));
        Assert.Equal(200, (await Api.GetAsync("users")).Status);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var response = await Api.GetAsync("users");
        response.AssertError(401, "invalid_token");
        Assert.Contains("invalid_token", response.Headers["WWW-Authenticate"], StringComparison.Ordinal);
        await Api.AuthorizeAsync();
        Assert.Equal(200, (await Api.GetAsync("users")).Status);
    }

    [Fact]
    public async Task the_token_lifetime_setting_shortens_expires_in_and_the_token()
    {
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["tokenLifetimeSeconds"] = 60 });
        var response = await Api.TokenAsync(Form());
        Assert.Equal(60, (int)response.Body!["expires_in"]!);
        Api.Token = (string)response.Body["access_token"]!;
        fixture.Time.Advance(TimeSpan.FromSeconds(60));
        (await Api.GetAsync("companies")).AssertError(401, "invalid_token");
    }

    [Fact]
    public async Task an_unknown_token_gets_401_invalid_token() =>
        (await Api.SendAsync(HttpMethod.Get, "companies", token: "not-a-token")).AssertError(401, "invalid_token");

    [Theory]
    [InlineData("companies")]
    [InlineData("contacts/CT-000001")]
    [InlineData("webhooks/WH-000001")]
    [InlineData("no-such-path")]
    public async Task a_request_without_a_token_gets_401_with_a_bearer_challenge(string path)
    {
        Api.Token = null;
        var response = await Api.GetAsync(path);
        response.AssertError(401, "unauthorized");
        Assert.StartsWith("Bearer", response.Headers["WWW-Authenticate"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task expiring_change_tokens_through_the_admin_channel_expires_access_tokens()
    {
        await fixture.Server.Admin.ExpireChangeTokensAsync();
        (await Api.GetAsync("companies")).AssertError(401, "invalid_token");
    }
}
