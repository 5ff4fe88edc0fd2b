using System.Text;
using System.Text.Json.Nodes;
using Tolk.Trello.Emulator;

namespace Tolk.Trello.Tests.Emulator;

/// <summary>Bad input to every endpoint gets Trello's plain-text 400/404, never a 500 or a framework error body.</summary>
public sealed class ValidationTests(TrelloFixture fixture) : IClassFixture<TrelloFixture>
{
    private const string Unknown = "0123456789abcdef01234567";

    public static TheoryData<string, string> MalformedIds => new()
    {
        { "GET", "boards/not-an-id" }, { "PUT", "boards/xyz" }, { "GET", "boards/12/lists" }, { "GET", "boards/12/cards" },
        { "GET", "boards/12/members" }, { "GET", "boards/12/actions" }, { "GET", "lists/abc" }, { "PUT", "lists/abc" },
        { "GET", "lists/abc/cards" }, { "GET", "cards/abc" }, { "PUT", "cards/abc" }, { "DELETE", "cards/abc" },
        { "GET", "cards/abc/actions" }, { "POST", "cards/abc/actions/comments?text=hi" }, { "GET", "actions/abc" },
        { "PUT", "actions/abc?text=x" }, { "DELETE", "actions/abc" }, { "GET", "webhooks/abc" }, { "PUT", "webhooks/abc" },
        { "DELETE", "webhooks/abc" },
    };

    [Theory]
    [MemberData(nameof(MalformedIds))]
    public async Task a_malformed_id_is_a_plain_text_400_invalid_id(string method, string path)
    {
        var reply = await fixture.SendAsync(new HttpMethod(method), path);
        Assert.Equal(400, reply.Status);
        Assert.Equal("text/plain", reply.ContentType);
        Assert.Equal("invalid id", reply.Body);
    }

    public static TheoryData<string, string> UnknownIds => new()
    {
        { "GET", $"boards/{Unknown}" }, { "PUT", $"boards/{Unknown}" }, { "GET", $"boards/{Unknown}/lists" },
        { "GET", $"boards/{Unknown}/actions" }, { "GET", $"lists/{Unknown}" }, { "GET", $"cards/{Unknown}" },
        { "PUT", $"cards/{Unknown}" }, { "DELETE", $"cards/{Unknown}" }, { "GET", $"actions/{Unknown}" },
        { "DELETE", $"actions/{Unknown}" }, { "GET", $"members/{Unknown}" }, { "GET", "members/nosuchuser" },
        { "PUT", $"members/{Unknown}" }, { "GET", $"organizations/{Unknown}" }, { "GET", "organizations/nosuchworkspace" },
        { "PUT", $"organizations/{Unknown}" }, { "DELETE", $"organizations/{Unknown}" }, { "GET", $"organizations/{Unknown}/members" },
        { "GET", $"webhooks/{Unknown}" }, { "GET", "no/such/route" }, { "PATCH", "members/me" },
    };

    [Theory]
    [MemberData(nameof(UnknownIds))]
    public async Task an_unknown_id_or_route_is_a_plain_text_404(string method, string path)
    {
        var reply = await fixture.SendAsync(new HttpMethod(method), path);
        Assert.Equal(404, reply.Status);
        Assert.Equal("text/plain", reply.ContentType);
        Assert.Equal("The requested resource was not found.", reply.Body);
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "POST", "organizations", "displayName" },
        { "POST", "organizations?displayName=", "displayName" },
        { "POST", "organizations?displayName=Ok&website=not%20a%20url", "website" },
        { "POST", "organizations?displayName=Ok&name=a!", "name" },
        { "POST", "boards", "name" },
        { "POST", "boards?name=B&idOrganization=" + Unknown, "idOrganization" },
        { "POST", "boards?name=B&defaultLists=maybe", "defaultLists" },
        { "POST", "lists?name=L", "idBoard" },
        { "POST", "lists?name=L&idBoard=nope", "idBoard" },
        { "POST", "lists?idBoard=" + Unknown + "&name=L", "idBoard" },
        { "POST", "cards?name=C", "idList" },
        { "POST", "cards?idList=" + Unknown, "idList" },
        { "GET", "members/me/organizations?filter=bogus", "filter" },
        { "GET", "members/me/boards?filter=bogus", "filter" },
        { "GET", "members/me?fields=bogus", "fields" },
        { "GET", "members/me/actions?limit=1001", "limit" },
        { "GET", "members/me/actions?limit=-1", "limit" },
        { "GET", "members/me/actions?limit=ten", "limit" },
        { "GET", "members/me/actions?page=20", "page" },
        { "GET", "members/me/actions?since=yesterday-ish", "since" },
        { "GET", "members/me/actions?before=soon", "before" },
        { "GET", "members/me/actions?filter=flyCard", "filter" },
        { "GET", "members/me/actions?memberCreator=perhaps", "memberCreator" },
        { "PUT", "members/me?initials=ABCDE", "initials" },
        { "PUT", "members/me?initials=", "initials" },
        { "PUT", "members/me?username=ab", "username" },
        { "PUT", "members/me?username=Not%20Valid", "username" },
        { "PUT", "members/me?fullName=%20%20", "fullName" },
        { "POST", "webhooks?idModel=" + Unknown, "callbackURL" },
        { "POST", "webhooks?callbackURL=ftp://x/y&idModel=" + Unknown, "callbackURL" },
        { "POST", "webhooks?callbackURL=http://127.0.0.1:9/h", "idModel" },
        { "POST", "webhooks?callbackURL=http://127.0.0.1:9/h&idModel=" + Unknown, "idModel" },
        { "GET", "batch", "urls" },
        { "GET", "batch?urls=/a,/b,/c,/d,/e,/f,/g,/h,/i,/j,/k", "urls" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task a_bad_parameter_is_a_plain_text_400_naming_it(string method, string path, string parameter)
    {
        var reply = await fixture.SendAsync(new HttpMethod(method), path);
        Assert.Equal(400, reply.Status);
        Assert.Equal("text/plain", reply.ContentType);
        Assert.Equal($"invalid value for {parameter}", reply.Body);
    }

    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "organizations" }, { "PUT", "members/me" }, { "POST", "boards" }, { "POST", "lists" }, { "POST", "cards" },
        { "POST", "webhooks" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task malformed_json_is_a_plain_text_400(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{path}?key={TrelloEmulator.ApiKey}&token={TrelloEmulator.ApiToken}")
        {
            Content = new StringContent("{\"name\": \"unterminated", Encoding.UTF8, "application/json"),
        };
        var reply = await fixture.RawAsync(request);
        Assert.Equal(400, reply.Status);
        Assert.Equal("text/plain", reply.ContentType);
        Assert.Equal("invalid json", reply.Body);
    }

    [Theory]
    [InlineData("POST", "organizations", "displayName")]
    [InlineData("POST", "boards", "name")]
    [InlineData("PUT", "members/me", "fullName")]
    public async Task a_json_object_where_a_string_belongs_is_refused(string method, string path, string field)
    {
        var reply = await fixture.SendAsync(new HttpMethod(method), path, new JsonObject { [field] = new JsonObject { ["x"] = 1 } });
        Assert.Equal(400, reply.Status);
        Assert.Equal($"invalid value for {field}", reply.Body);
    }

    [Fact]
    public async Task oversized_strings_are_refused()
    {
        var (_, _, cards) = await fixture.FirstBoardAsync();
        var huge = new string('x', 16385);
        var reply = await fixture.PutAsync($"cards/{cards[0]!["id"]}", new JsonObject { ["desc"] = huge });
        Assert.Equal(400, reply.Status);
        Assert.Equal("invalid value for desc", reply.Body);
        var comment = await fixture.PostAsync($"cards/{cards[0]!["id"]}/actions/comments", new JsonObject { ["text"] = huge });
        Assert.Equal("invalid value for text", comment.Body);
    }

    [Fact]
    public async Task a_json_array_body_is_malformed_input()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"boards?key={TrelloEmulator.ApiKey}&token={TrelloEmulator.ApiToken}")
        {
            Content = new StringContent("[1,2]", Encoding.UTF8, "application/json"),
        };
        var reply = await fixture.RawAsync(request);
        Assert.Equal(400, reply.Status);
        Assert.Equal("invalid json", reply.Body);
    }
}
