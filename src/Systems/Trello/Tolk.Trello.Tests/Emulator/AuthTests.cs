using System.Net.Http.Headers;
using System.Text;
using Tolk.Trello.Emulator;

namespace Tolk.Trello.Tests.Emulator;

public sealed class AuthTests(TrelloFixture fixture) : IClassFixture<TrelloFixture>
{
    [Fact]
    public async Task key_and_token_in_the_query_string_authenticate()
    {
        var reply = await fixture.GetAsync("members/me");
        Assert.Equal(200, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal("tolksync", (string?)reply.Obj["username"]);
    }

    [Fact]
    public async Task the_oauth_authorization_header_authenticates()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "members/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth",
            $"oauth_consumer_key=\"{TrelloEmulator.ApiKey}\", oauth_token=\"{TrelloEmulator.ApiToken}\"");
        var reply = await fixture.RawAsync(request);
        Assert.Equal(200, reply.Status);
    }

    [Fact]
    public async Task key_and_token_in_a_json_body_authenticate()
    {
        var (_, lists, _) = await fixture.FirstBoardAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "cards")
        {
            Content = new StringContent(
                $"{{\"key\":\"{TrelloEmulator.ApiKey}\",\"token\":\"{TrelloEmulator.ApiToken}\",\"idList\":\"{lists[0]!["id"]}\",\"name\":\"From a body\"}}",
                Encoding.UTF8, "application/json"),
        };
        var reply = await fixture.RawAsync(request);
        Assert.Equal(200, reply.Status);
        Assert.Equal("From a body", (string?)reply.Obj["name"]);
    }

    [Fact]
    public async Task a_form_encoded_body_carries_credentials_and_fields()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "organizations")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["key"] = TrelloEmulator.ApiKey, ["token"] = TrelloEmulator.ApiToken, ["displayName"] = "Skjema AS",
            }),
        };
        var reply = await fixture.RawAsync(request);
        Assert.Equal(200, reply.Status);
        Assert.Equal("skjemaas", (string?)reply.Obj["name"]);
    }

    [Theory]
    [InlineData("members/me?token=" + TrelloEmulator.ApiToken, "invalid key")]
    [InlineData("members/me?key=00000000000000000000000000000000&token=" + TrelloEmulator.ApiToken, "invalid key")]
    [InlineData("members/me?key=" + TrelloEmulator.ApiKey, "invalid token")]
    [InlineData("members/me?key=" + TrelloEmulator.ApiKey + "&token=deadbeef", "invalid token")]
    [InlineData("boards/5e1b7c3a9d2f4e6b8a0c1d3f?key=" + TrelloEmulator.ApiKey + "&token=nope", "invalid token")]
    public async Task bad_credentials_get_a_plain_text_401(string path, string text)
    {
        var reply = await fixture.RawAsync(new HttpRequestMessage(HttpMethod.Get, path));
        Assert.Equal(401, reply.Status);
        Assert.Equal("text/plain", reply.ContentType);
        Assert.Equal(text, reply.Body);
    }

    [Fact]
    public async Task the_second_token_of_the_key_is_the_same_member()
    {
        var reply = await fixture.GetAsync("members/me", TrelloEmulator.SecondApiToken);
        Assert.Equal(200, reply.Status);
        Assert.Equal("tolksync", (string?)reply.Obj["username"]);
    }

    [Fact]
    public async Task the_admin_channel_needs_no_trello_credentials()
    {
        var settings = await fixture.Server.Admin.SettingsAsync();
        Assert.Equal(100, (int?)settings["tokenLimit"]);
    }

    [Fact]
    public void credentials_are_published_under_trellos_names()
    {
        var credentials = fixture.Trello.Credentials;
        Assert.Equal(TrelloEmulator.ApiKey, credentials["key"]);
        Assert.Equal(TrelloEmulator.ApiToken, credentials["token"]);
        Assert.Equal(TrelloEmulator.SecondApiToken, credentials["secondToken"]);
        Assert.Equal(TrelloEmulator.AppSecret, credentials["secret"]);
        Assert.Matches("^[0-9a-f]{32}$", TrelloEmulator.ApiKey);
        Assert.Matches("^[0-9a-f]{64}$", TrelloEmulator.ApiToken);
        Assert.Equal("/1", fixture.Trello.ApiPrefix);
    }
}
