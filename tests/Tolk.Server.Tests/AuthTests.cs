using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tolk.Server.Api;
using Tolk.Server.Tests.Harness;

namespace Tolk.Server.Tests;

[Collection(ServerGroup.Name)]
public sealed class AuthTests(ServerFixture fixture)
{
    [Theory]
    [InlineData("api/flows")]
    [InlineData("api/conflicts")]
    [InlineData("api/errors")]
    [InlineData("api/attention")]
    [InlineData("api/changes")]
    [InlineData("api/status")]
    [InlineData("api/records/asana/project/1")]
    [InlineData("metrics")]
    [InlineData("openapi/v1.json")]
    public async Task management_requests_without_the_token_get_401(string path)
    {
        using var response = await fixture.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task a_wrong_token_gets_401_and_changes_nothing()
    {
        using var client = new HttpClient { BaseAddress = fixture.Server.Url };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Token + "x");

        using var pause = await client.PostAsync("api/flows/1/pause", null);

        Assert.Equal(HttpStatusCode.Unauthorized, pause.StatusCode);
        Assert.False(fixture.Engine.Control.IsPaused(fixture.Configuration.Flow(1)!));
    }

    [Fact]
    public async Task the_dashboard_without_the_token_is_the_login_page_with_401()
    {
        using var response = await fixture.Anonymous.GetAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Access token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_health_check_needs_no_token()
    {
        var health = await fixture.Anonymous.GetFromJsonAsync<HealthPing>("health");

        Assert.Equal("ok", health!.Status);
    }

    [Fact]
    public async Task logging_in_sets_an_http_only_cookie_that_opens_the_dashboard_and_its_api()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = fixture.Server.Url };

        using var wrong = await browser.PostAsJsonAsync("login", new { token = "tolk_guess" });
        using var login = await browser.PostAsJsonAsync("login", new { token = fixture.Token });
        using var page = await browser.GetAsync("/");
        using var flows = await browser.GetAsync("api/flows");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Live changes", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, flows.StatusCode);
    }

    [Fact]
    public async Task a_change_made_with_the_cookie_must_carry_the_dashboards_header()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = fixture.Server.Url };
        (await browser.PostAsJsonAsync("login", new { token = fixture.Token })).Dispose();

        using var forged = await browser.PostAsync("api/flows/1/pause", null);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.False(fixture.Engine.Control.IsPaused(fixture.Configuration.Flow(1)!));
    }

    [Fact]
    public async Task the_store_keeps_only_the_tokens_hash_and_a_restart_keeps_the_token()
    {
        var saved = await fixture.Store.GetCursorAsync("server:access-token");
        await using var again = await TolkServer.StartAsync(new ServerOptions { Port = 0, RegisterWebhooks = false },
            fixture.Engine, fixture.Runner, fixture.Store, fixture.Connectors);
        using var client = new HttpClient { BaseAddress = again.Url };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Token);

        using var response = await client.GetAsync("api/flows");

        Assert.NotNull(saved);
        Assert.DoesNotContain(fixture.Token, saved.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Token["tolk_".Length..], saved.Value, StringComparison.Ordinal);
        Assert.Null(again.NewToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
