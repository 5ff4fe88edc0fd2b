using System.Net.Http.Headers;

namespace Tolk.Asana.Tests.Emulator;

public sealed class AuthenticationTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>
{
    [Fact]
    public async Task a_request_without_a_token_is_401_not_authorized_exactly_as_documented()
    {
        var response = await fixture.Anonymous.GetAsync("users/me");
        response.AssertError(401, "Not Authorized", help: false);
        Assert.Equal("""{"errors":[{"message":"Not Authorized"}]}""", response.Text);
    }

    [Theory]
    [InlineData("Bearer 0/wrong")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    [InlineData("2/1203000000000000/1209000000000001:8f3c1e5a7b9d2f4608a1c3e5b7d9f1a2")]
    public async Task a_wrong_or_malformed_authorization_header_is_401(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "workspaces");
        request.Headers.TryAddWithoutValidation("Authorization", header);
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUrl };
        var response = await AsanaResponse.ReadAsync(await http.SendAsync(request));
        response.AssertError(401, "Not Authorized", help: false);
    }

    [Fact]
    public async Task the_personal_access_token_acts_as_the_first_user_and_the_second_token_as_another()
    {
        var me = await fixture.Api.GetAsync("users/me");
        var other = await fixture.Other.GetAsync("users/me");
        me.AssertOk();
        other.AssertOk();
        Assert.Equal("1203000000000000", (string?)me.Data!["gid"]);
        Assert.Equal("1203000000000001", (string?)other.Data!["gid"]);
    }

    [Fact]
    public async Task the_bearer_scheme_is_case_insensitive()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("bearer", Asana.Emulator.AsanaEmulator.PersonalAccessToken);
        var response = await AsanaResponse.ReadAsync(await http.GetAsync("users/me"));
        response.AssertOk();
    }

    [Fact]
    public async Task the_admin_channel_needs_no_token()
    {
        var settings = await fixture.Server.Admin.SettingsAsync();
        Assert.True(settings.ContainsKey("rateLimitPerMinute"));
    }

    [Fact]
    public void credentials_name_the_personal_access_tokens()
    {
        Assert.Equal(Asana.Emulator.AsanaEmulator.PersonalAccessToken, fixture.Asana.Credentials["personal_access_token"]);
        Assert.Equal(Asana.Emulator.AsanaEmulator.OtherUserAccessToken, fixture.Asana.Credentials["personal_access_token_other_user"]);
        Assert.Equal("/api/1.0", fixture.Asana.ApiPrefix);
        Assert.Equal("asana", fixture.Asana.Name);
    }
}
