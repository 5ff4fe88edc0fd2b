using System.Text;

namespace Tolk.Customerp.Tests.Emulator;

public sealed class CursorTests(CustomerpFixture fixture) : WritingTests(fixture)
{
    private async Task<string> FirstCursorAsync(string query = "contacts?limit=2")
    {
        var cursor = (string?)(await Api.CallGetAsync(query)).Body["next_cursor"];
        Assert.NotNull(cursor);
        return cursor;
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("!!!")]
    [InlineData("eyJWIjoxfQ")]
    public async Task a_garbled_cursor_is_a_400_problem(string cursor)
    {
        var problem = ProblemAssert.Is(await Api.CallGetAsync($"contacts?cursor={Uri.EscapeDataString(cursor)}"), 400, "cursor");
        Assert.Equal("https://customerp.example/problems/validation-error", (string)problem["type"]!);
    }

    [Fact]
    public async Task a_cursor_with_one_character_changed_is_a_400_problem()
    {
        var cursor = new StringBuilder(await FirstCursorAsync());
        cursor[10] = cursor[10] == 'A' ? 'B' : 'A';
        ProblemAssert.Is(await Api.CallGetAsync($"contacts?limit=2&cursor={Uri.EscapeDataString(cursor.ToString())}"), 400, "cursor");
    }

    [Fact]
    public async Task a_cursor_from_another_collection_is_a_400_problem()
    {
        var cursor = await FirstCursorAsync();
        ProblemAssert.Is(await Api.CallGetAsync($"customers?limit=2&cursor={Uri.EscapeDataString(cursor)}"), 400, "cursor");
    }

    [Theory]
    [InlineData("&include_deleted=true")]
    [InlineData("&updated_since=2020-01-01T00:00:00Z")]
    public async Task a_cursor_used_with_other_filters_is_a_400_problem(string filters)
    {
        var cursor = await FirstCursorAsync();
        ProblemAssert.Is(await Api.CallGetAsync($"contacts?limit=2{filters}&cursor={Uri.EscapeDataString(cursor)}"), 400, "cursor");
    }

    [Fact]
    public async Task a_cursor_keeps_its_filters_when_they_are_repeated()
    {
        var cursor = await FirstCursorAsync("contacts?limit=2&include_deleted=true&updated_since=2020-01-01T00:00:00Z");
        var reply = await Api.CallGetAsync($"contacts?limit=2&include_deleted=true&updated_since=2020-01-01T00:00:00Z&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Equal(200, reply.Status);
    }

    [Fact]
    public async Task a_cursor_expires_after_its_lifetime()
    {
        var cursor = await FirstCursorAsync();
        Fixture.Time.Advance(TimeSpan.FromSeconds(3599));
        Assert.Equal(200, (await Api.CallGetAsync($"contacts?limit=2&cursor={Uri.EscapeDataString(cursor)}")).Status);
        Fixture.Time.Advance(TimeSpan.FromSeconds(2));
        var problem = ProblemAssert.Is(await Api.CallGetAsync($"contacts?limit=2&cursor={Uri.EscapeDataString(cursor)}"), 400, "cursor");
        Assert.Equal("https://customerp.example/problems/cursor-expired", (string)problem["type"]!);
    }

    [Fact]
    public async Task expiring_change_tokens_expires_every_issued_cursor()
    {
        var cursor = await FirstCursorAsync();
        await Fixture.Server.Admin.ExpireChangeTokensAsync();
        var problem = ProblemAssert.Is(await Api.CallGetAsync($"contacts?limit=2&cursor={Uri.EscapeDataString(cursor)}"), 400, "cursor");
        Assert.Equal("https://customerp.example/problems/cursor-expired", (string)problem["type"]!);
        Assert.Equal(200, (await Api.CallGetAsync($"contacts?limit=2&cursor={Uri.EscapeDataString(await FirstCursorAsync())}")).Status);
    }

    [Fact]
    public async Task the_cursor_lifetime_is_a_setting()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new() { ["cursorLifetimeSeconds"] = 10 });
        var cursor = await FirstCursorAsync();
        Fixture.Time.Advance(TimeSpan.FromSeconds(11));
        ProblemAssert.Is(await Api.CallGetAsync($"contacts?limit=2&cursor={Uri.EscapeDataString(cursor)}"), 400, "cursor");
    }
}
