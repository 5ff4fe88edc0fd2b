using System.Net.Http.Headers;
using Tolk.Customerp.Emulator;

namespace Tolk.Customerp.Tests.Emulator;

public sealed class AuthenticationTests(CustomerpFixture fixture) : IClassFixture<CustomerpFixture>
{
    [Fact]
    public async Task a_request_without_a_token_gets_401_problem_with_a_bearer_challenge()
    {
        var reply = await fixture.Anonymous.CallGetAsync("customers");
        ProblemAssert.Is(reply, 401);
        Assert.Equal("Bearer realm=\"customerp\"", reply.Header("WWW-Authenticate"));
    }

    [Theory]
    [InlineData("Bearer nope")]
    [InlineData("Bearer")]
    [InlineData("Basic Y3VzdG9tZXJwOnNlY3JldA==")]
    [InlineData(CustomerpEmulator.DemoApiToken)]
    [InlineData("Bearer " + CustomerpEmulator.DemoApiToken + "x")]
    public async Task a_wrong_or_malformed_authorization_gets_401_invalid_token(string authorization)
    {
        var reply = await fixture.Anonymous.CallAsync(HttpMethod.Get, "customers", headers: ("Authorization", authorization));
        ProblemAssert.Is(reply, 401);
        Assert.Contains("error=\"invalid_token\"", reply.Header("WWW-Authenticate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task writes_need_a_token_too()
    {
        var reply = await fixture.Anonymous.CallPostAsync("customers", new System.Text.Json.Nodes.JsonObject { ["name"] = "No token AS" });
        ProblemAssert.Is(reply, 401);
        Assert.DoesNotContain(await fixture.Server.Admin.ListAsync("customers"), c => (string?)c["name"] == "No token AS");
    }

    [Fact]
    public async Task the_bearer_scheme_is_case_insensitive()
    {
        var reply = await fixture.Anonymous.CallAsync(HttpMethod.Get, "customers", headers: ("Authorization", "bearer " + CustomerpEmulator.DemoApiToken));
        Assert.Equal(200, reply.Status);
    }

    [Fact]
    public async Task both_demo_tokens_are_accepted_and_listed_as_credentials()
    {
        Assert.Equal(CustomerpEmulator.DemoApiToken, fixture.Emulator.Credentials["api_token"]);
        Assert.Equal(CustomerpEmulator.SecondApiToken, fixture.Emulator.Credentials["second_api_token"]);
        using var second = fixture.Client(CustomerpEmulator.SecondApiToken);
        Assert.Equal(200, (await second.CallGetAsync("customers")).Status);
        Assert.Equal(200, (await fixture.Api.CallGetAsync("customers")).Status);
    }

    [Fact]
    public async Task the_admin_channel_needs_no_token()
    {
        using var admin = new HttpClient { BaseAddress = fixture.Server.HostUrl };
        using var response = await admin.GetAsync("/_emulator/");
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public void the_api_prefix_and_name_are_customerps()
    {
        Assert.Equal("/api/v1", fixture.Emulator.ApiPrefix);
        Assert.Equal("customerp", fixture.Emulator.Name);
        Assert.EndsWith("/api/v1/", fixture.Server.BaseUrl.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nothing-here")]
    [InlineData("customers/1/contacts")]
    public async Task an_unknown_path_under_the_api_is_a_404_problem(string path)
    {
        ProblemAssert.Is(await fixture.Api.CallGetAsync(path), 404);
    }

    [Fact]
    public async Task a_path_outside_the_api_is_a_404_problem()
    {
        using var client = new HttpClient { BaseAddress = fixture.Server.HostUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CustomerpEmulator.DemoApiToken);
        ProblemAssert.Is(await client.CallGetAsync("/customers"), 404);
    }

    [Theory]
    [InlineData("PUT", "customers/1")]
    [InlineData("POST", "customers/1")]
    [InlineData("DELETE", "customers")]
    [InlineData("PATCH", "webhooks/1")]
    public async Task an_unsupported_method_is_a_405_problem(string method, string path)
    {
        var reply = await fixture.Api.CallAsync(new HttpMethod(method), path, "{}", "application/json");
        ProblemAssert.Is(reply, 405);
    }
}
