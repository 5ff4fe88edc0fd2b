namespace Tolk.Asana.Tests.Emulator;

public sealed class BadInputTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>
{
    private const string Unwrapped =
        "Unrecognized request field `name`. The only allowed keys at the top level are: data, options. Is it possible you did not wrap object properties in a `data` object?";

    public static TheoryData<string, string> WriteEndpoints => new()
    {
        { "PUT", "workspaces/1201000000000000" },
        { "POST", "teams" },
        { "PUT", "teams/1202000000000000" },
        { "PUT", "users/me" },
        { "POST", "projects" },
        { "POST", "workspaces/1201000000000000/projects" },
        { "POST", "teams/1202000000000000/projects" },
        { "PUT", "projects/1204000000000000" },
        { "POST", "tasks" },
        { "PUT", "tasks/1205000000000000" },
        { "POST", "tasks/1205000000000000/addProject" },
        { "POST", "tasks/1205000000000000/removeProject" },
        { "POST", "webhooks" },
        { "POST", "batch" },
    };

    public static TheoryData<string, string, string> MalformedBodies()
    {
        var data = new TheoryData<string, string, string>();
        var deep = new string('[', 200) + new string(']', 200);
        foreach (var row in WriteEndpoints)
        {
            var (method, path) = ((string)row[0], (string)row[1]);
            data.Add(method, path, "{not json");
            data.Add(method, path, "[1,2]");
            data.Add(method, path, "\"text\"");
            data.Add(method, path, """{"data":{"name":"a","name":"b"}}""");
            data.Add(method, path, "{\"data\":{\"x\":" + deep + "}}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task a_body_that_is_not_a_json_object_is_refused_as_invalid_json(string method, string path, string body)
    {
        (await fixture.Api.SendAsync(new HttpMethod(method), path, body)).AssertError(400, "Could not parse request data, invalid JSON");
    }

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public async Task a_body_not_wrapped_in_data_is_refused_naming_the_stray_field(string method, string path)
    {
        (await fixture.Api.SendAsync(new HttpMethod(method), path, """{"name":"x"}""")).AssertError(400, Unwrapped);
    }

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public async Task a_data_that_is_not_an_object_is_refused(string method, string path)
    {
        (await fixture.Api.SendAsync(new HttpMethod(method), path, """{"data":[1]}""")).AssertError(400, "data: Value is not a JSON object: [1]");
        (await fixture.Api.SendAsync(new HttpMethod(method), path, """{"data":{},"options":7}""")).AssertError(400, "options: Value is not a JSON object: 7");
    }

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public async Task unknown_fields_in_data_are_refused_by_name(string method, string path)
    {
        (await fixture.Api.SendAsync(new HttpMethod(method), path, """{"data":{"bogus_field":1}}""")).AssertError(400, "bogus_field: Unknown property");
    }

    [Theory]
    [InlineData("PUT", "workspaces/1201000000000000", """{"data":{"name":7}}""", "name: Value is not a string: 7")]
    [InlineData("PUT", "teams/1202000000000000", """{"data":{"visibility":"hidden"}}""", "visibility: Not a valid enum value: \"hidden\". Valid values are: secret, request_to_join, public")]
    [InlineData("PUT", "teams/1202000000000000", """{"data":{"description":false}}""", "description: Value is not a string: false")]
    [InlineData("PUT", "users/me", """{"data":{"name":null}}""", "name: Value is not a string: null")]
    [InlineData("PUT", "projects/1204000000000000", """{"data":{"archived":"no"}}""", "archived: Value is not a boolean: \"no\"")]
    [InlineData("PUT", "projects/1204000000000000", """{"data":{"due_on":"2026-13-01"}}""", "due_on: Date must be in ISO-8601 (yyyy-mm-dd) format, not: 2026-13-01")]
    [InlineData("PUT", "projects/1204000000000000", """{"data":{"start_on":20260101}}""", "start_on: Date must be in ISO-8601 (yyyy-mm-dd) format, not: 20260101")]
    [InlineData("PUT", "projects/1204000000000000", """{"data":{"owner":"1203000000077777"}}""", "owner: Unknown object: 1203000000077777")]
    [InlineData("PUT", "projects/1204000000000000", """{"data":{"team":"x1"}}""", "team: Not a recognized ID: x1")]
    [InlineData("PUT", "projects/1204000000000000", """{"data":{"team":{"gid":"1202000000000000"}}}""", "team: Not a valid GID type: object")]
    [InlineData("PUT", "projects/1204000000000000", """{"data":{"privacy_setting":"open"}}""", "privacy_setting: Not a valid enum value: \"open\". Valid values are: public_to_workspace, private_to_team, private")]
    [InlineData("PUT", "projects/1204000000000000", """{"data":{"default_view":"grid"}}""", "default_view: Not a valid enum value: \"grid\". Valid values are: list, board, calendar, timeline")]
    [InlineData("PUT", "projects/1204000000000000", """{"data":{"custom_fields":"x"}}""", "custom_fields: Value is not a JSON object: \"x\"")]
    [InlineData("PUT", "tasks/1205000000000000", """{"data":{"due_at":"tomorrow"}}""", "due_at: Date-time must be in ISO-8601 format, not: tomorrow")]
    [InlineData("PUT", "tasks/1205000000000000", """{"data":{"assignee":42}}""", "assignee: Not a valid GID type: number")]
    [InlineData("PUT", "tasks/1205000000000000", """{"data":{"html_notes":"<p>x</p>"}}""", "html_notes: XML is invalid: the value must be wrapped in a <body> element")]
    [InlineData("POST", "tasks/1205000000000000/addProject", """{"data":{"project":"1204000000000001","section":"1206000000000000"}}""", "section: Section is not in the given project: 1206000000000000")]
    public async Task a_value_of_the_wrong_type_or_form_is_refused_naming_the_field(string method, string path, string body, string message)
    {
        (await fixture.Api.SendAsync(new HttpMethod(method), path, body)).AssertError(400, message);
    }

    [Theory]
    [InlineData("PUT", "workspaces/1201000000000000", "name", 1024)]
    [InlineData("PUT", "users/me", "name", 1024)]
    [InlineData("PUT", "teams/1202000000000000", "description", 32768)]
    [InlineData("PUT", "projects/1204000000000000", "notes", 65535)]
    [InlineData("PUT", "tasks/1205000000000000", "name", 1024)]
    [InlineData("PUT", "tasks/1205000000000000", "notes", 65535)]
    public async Task an_oversized_string_is_refused(string method, string path, string field, int max)
    {
        var body = AsanaClient.Data(new Dictionary<string, string> { [field] = new string('x', max + 1) });
        (await fixture.Api.SendAsync(new HttpMethod(method), path, body)).AssertError(400, $"{field}: Value is too long: the maximum is {max} characters");
    }

    public static TheoryData<string, string> ReadEndpointsWithIds => new()
    {
        { "workspaces/{0}", "workspace" }, { "teams/{0}", "team" }, { "users/{0}", "user" }, { "projects/{0}", "project" },
        { "tasks/{0}", "task" }, { "webhooks/{0}", "webhook" }, { "workspaces/{0}/teams", "workspace" }, { "workspaces/{0}/users", "workspace" },
        { "workspaces/{0}/projects", "workspace" }, { "teams/{0}/users", "team" }, { "teams/{0}/projects", "team" },
        { "projects/{0}/tasks", "project" }, { "sections/{0}/tasks", "section" },
    };

    [Theory]
    [MemberData(nameof(ReadEndpointsWithIds))]
    public async Task every_id_in_a_path_is_checked(string template, string type)
    {
        (await fixture.Api.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "12x"))).AssertError(400, $"{type}: Not a recognized ID: 12x");
        (await fixture.Api.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "1299999999999999")))
            .AssertError(404, $"{type}: Not a recognized ID: 1299999999999999");
    }

    [Theory]
    [InlineData("""{"data":null}""")]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"data":{"name":{"nested":true}}}""")]
    [InlineData("""{"data":{"projects":[null]}}""")]
    [InlineData("""{"data":{"followers":{}}}""")]
    [InlineData("""{"data":{"memberships":[{"section":"1"}]}}""")]
    [InlineData("""{"data":{"memberships":"x"}}""")]
    [InlineData("""{"data":{"filters":[1]}}""")]
    [InlineData("""{"data":{"actions":[{}]}}""")]
    [InlineData("""{"data":{"workspace":"1201000000000000","name":"\ud800"}}""")]
    [InlineData("")]
    public async Task odd_bodies_never_cause_a_server_error(string body)
    {
        foreach (var row in WriteEndpoints)
        {
            var response = await fixture.Api.SendAsync(new HttpMethod((string)row[0]), (string)row[1], body.Length == 0 ? null : body);
            Assert.True(response.Code < 500, $"{row[0]} {row[1]} with {body}: {response.Code} {response.Text}");
            Assert.Equal("application/json; charset=UTF-8", response.ContentType);
        }
    }

    [Fact]
    public async Task a_form_encoded_body_is_read_as_the_data()
    {
        var response = await fixture.Api.SendAsync(HttpMethod.Put, "users/me", "name=Form+Navn", "application/x-www-form-urlencoded");
        response.AssertOk();
        Assert.Equal("Form Navn", (string?)response.Data!["name"]);
    }
}
