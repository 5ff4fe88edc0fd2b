using Tolk.Custompms.Emulator;

namespace Tolk.Custompms.Tests.Emulator;

public sealed class AuthenticationTests(CustompmsFixture fixture) : CustompmsTests(fixture)
{
    [Theory]
    [InlineData("customers")]
    [InlineData("projects")]
    [InlineData("tasks/00000000-0000-4000-8000-000000000000")]
    [InlineData("changes")]
    [InlineData("no-such-thing")]
    public async Task a_request_without_an_api_key_is_401_unauthorized(string path)
    {
        var reply = await Fixture.Anonymous.CallGetAsync(path);

        ErrorAssert.Is(reply, 401, "unauthorized");
        Assert.Equal("utf-8", reply.Charset);
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("")]
    [InlineData("CPMS_DEMO_4E8B21C7D9F04A6B")]
    public async Task a_request_with_a_wrong_api_key_is_401_unauthorized(string key)
    {
        using var client = Fixture.Client(key);

        ErrorAssert.Is(await client.CallGetAsync("customers"), 401, "unauthorized");
    }

    [Fact]
    public async Task the_key_must_be_in_the_x_api_key_header_not_elsewhere()
    {
        var bearer = await Fixture.Anonymous.CallAsync(HttpMethod.Get, "customers", headers: ("Authorization", $"Bearer {CustompmsEmulator.DemoApiKey}"));
        var query = await Fixture.Anonymous.CallGetAsync($"customers?apiKey={CustompmsEmulator.DemoApiKey}");

        ErrorAssert.Is(bearer, 401, "unauthorized");
        ErrorAssert.Is(query, 401, "unauthorized");
    }

    [Fact]
    public async Task a_write_without_a_key_changes_nothing()
    {
        var reply = await Fixture.Anonymous.CallPostAsync("customers", Sample.Customer());

        ErrorAssert.Is(reply, 401, "unauthorized");
        Assert.Equal(3, (await Fixture.Server.Admin.ListAsync("customers")).Count);
    }

    [Fact]
    public async Task both_demo_keys_are_accepted_and_are_the_documented_credentials()
    {
        Assert.Equal(CustompmsEmulator.DemoApiKey, Fixture.Emulator.Credentials["apiKey"]);
        Assert.Equal(CustompmsEmulator.SecondApiKey, Fixture.Emulator.Credentials["secondApiKey"]);
        using var second = Fixture.Client(CustompmsEmulator.SecondApiKey);

        Assert.Equal(200, (await Api.CallGetAsync("customers")).Status);
        Assert.Equal(200, (await second.CallGetAsync("customers")).Status);
    }

    [Fact]
    public async Task the_admin_channel_needs_no_api_key()
    {
        using var admin = new HttpClient { BaseAddress = Fixture.Server.HostUrl };

        Assert.True((await admin.GetAsync("_emulator/")).IsSuccessStatusCode);
    }
}
