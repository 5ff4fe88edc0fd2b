namespace Tolk.Trello.Tests.Emulator;

public sealed class BatchTests(TrelloFixture fixture) : IClassFixture<TrelloFixture>
{
    [Fact]
    public async Task batch_runs_get_routes_without_the_version_prefix_and_answers_each_under_its_status()
    {
        var board = await fixture.FirstBoardIdAsync();
        var reply = await fixture.GetAsync($"batch?urls=/members/me,/boards/{board}/lists?fields=name,/cards/0123456789abcdef01234567,/cards/bad");
        Assert.Equal(200, reply.Status);
        var results = reply.Array;
        Assert.Equal(4, results.Count);
        Assert.Equal("tolksync", (string?)results[0]!["200"]!["username"]);
        Assert.Equal(3, results[1]!["200"]!.AsArray().Count);
        Assert.Equal("The requested resource was not found.", (string?)results[2]!["404"]);
        Assert.Equal("invalid id", (string?)results[3]!["400"]);
    }

    [Fact]
    public async Task a_route_with_the_version_prefix_is_not_found()
    {
        var reply = await fixture.GetAsync("batch?urls=/1/members/me");
        Assert.Equal("The requested resource was not found.", (string?)reply.Array[0]!["404"]);
    }

    [Fact]
    public async Task batch_is_get_only_and_takes_at_most_ten_routes()
    {
        Assert.Equal(404, (await fixture.PostAsync("batch?urls=/members/me")).Status);
        var ten = string.Join(',', Enumerable.Repeat("/members/me", 10));
        Assert.Equal(10, (await fixture.GetAsync($"batch?urls={ten}")).Array.Count);
        var eleven = await fixture.GetAsync($"batch?urls={ten},/members/me");
        Assert.Equal(400, eleven.Status);
        Assert.Equal("invalid value for urls", eleven.Body);
    }
}
