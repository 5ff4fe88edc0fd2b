using System.Net;

namespace Tolk.Tidsbanken.Tests.Emulator;

/// <summary>Bad input to every endpoint gets the API's own 4xx in its own shape; never a 500.</summary>
public sealed class BadInputTests(TidsbankenFixture fixture) : IClassFixture<TidsbankenFixture>
{
    public static readonly TheoryData<string> ListPaths = new() { "prosjekt/Kunde", "ansatt/ansatt", "prosjekt/Prosjekt" };

    public static readonly TheoryData<string, string> WriteEndpoints = new()
    {
        { "POST", "prosjekt/Kunde" }, { "PUT", "prosjekt/Kunde" }, { "POST", "ansatt/Ansatte" }, { "PUT", "ansatt/ansatt" },
        { "POST", "prosjekt/Prosjekt" }, { "PUT", "prosjekt/Prosjekt" },
    };

    public static TheoryData<string, string, string> BadQueries()
    {
        (string Query, string Expected)[] queries =
        [
            ("$filter=Id eq", "Expression expected"),
            ("$filter=Id eq 'abc", "unterminated string"),
            ("$filter=Nope eq 1", "Could not find a property named 'Nope'"),
            ("$filter=Id eq 1.5 and Id eq 'x'", "incompatible types"),
            ("$filter=SistEndretDato eq 'yesterday'", "incompatible types"),
            ("$filter=SistEndretDato gt 2024-01-01", "incompatible types"),
            ("$filter=SistEndretDato gt 2024-01-01T00:00:00", "needs an offset"),
            ("$filter=SistEndretDato gt 2024-01-01T00:00:00+01:00", "needs an offset"),
            ("$filter=SistEndretDato gt 2024-02-30T00:00:00Z", "Unrecognized 'Edm.DateTimeOffset'"),
            ("$filter=contains(Id,'a')", "not supported"),
            ("$filter=endswith(Id,'a')", "not supported"),
            ("$filter=not (Id eq 'a')", "not supported"),
            ("$filter=Id in ('a','b')", "not supported"),
            ("$filter=substringof('a',Id)", "unknown function"),
            ("$filter=Id EQ 'a'", "Syntax error"),
            ("$filter=Id", "single boolean value"),
            ("$filter=(Id eq 'a'", "')' expected"),
            ("$filter=Id eq 'a')", "Syntax error"),
            ("$filter=Id eq 'a' and", "Expression expected"),
            ("$filter=SistEndretDato ne null and 2", "incompatible types"),
            ("$filter=startswith(Id)", "',' expected"),
            ("$filter=startswith(SistEndretDato,'2')", "No function signature"),
            ("$filter=Id eq @p", "not valid"),
            ("$filter=Id eq 12abc", "Syntax error"),
            ("$filter=", "must not be empty"),
            ("$top=-1", "non-negative integer"),
            ("$top=ten", "non-negative integer"),
            ("$top=1001", "limit of '1000'"),
            ("$skip=x", "non-negative integer"),
            ("$count=yes", "count option"),
            ("$count=True", "count option"),
            ("$orderby=Nope", "Could not find a property"),
            ("$orderby=Id up", "expected a property name, then asc or desc"),
            ("$orderby=Id,id desc", "Duplicate property"),
            ("$select=Nope", "Could not find a property"),
            ("$select=Id,", "Could not find a property"),
            ("$expand=Kunde", "not supported"),
            ("$search=x", "not supported"),
            ("$FILTER=Id eq 'a'", "not supported"),
            ("$top=1&$top=2", "more than once"),
        ];
        var data = new TheoryData<string, string, string>();
        foreach (var path in new[] { "prosjekt/Kunde", "ansatt/ansatt", "prosjekt/Prosjekt" })
        {
            foreach (var (query, expected) in queries)
            {
                data.Add(path, query, expected);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task a_malformed_query_option_is_400_in_the_odata_error_format(string path, string query, string expected)
    {
        await fixture.ResetAsync();
        var message = (await fixture.GetAsync($"{path}?{query}")).AssertODataError(400, "BadRequest");
        Assert.StartsWith("The query specified in the URI is not valid.", message, StringComparison.Ordinal);
        // Ansatt's Id is an integer, so comparing it with a string literal is refused for its type before anything else.
        var typeErrorFirst = path == "ansatt/ansatt" && query.Contains("Id eq '", StringComparison.Ordinal) && message.Contains("incompatible types", StringComparison.Ordinal);
        Assert.True(typeErrorFirst || message.Contains(expected, StringComparison.OrdinalIgnoreCase), $"'{expected}' not in: {message}");
    }

    public static TheoryData<string, string, string, string> BadBodies()
    {
        (string Body, string Expected)[] bodies =
        [
            ("{", "not valid JSON"),
            ("[{\"Id\":", "not valid JSON"),
            ("", "not valid JSON"),
            ("null", "must be a JSON array"),
            ("42", "must be a JSON array"),
            ("\"Kunde\"", "must be a JSON array"),
            ("[]", "between 1 and 100"),
            ("[1]", "expected a JSON object"),
            ("[[]]", "expected a JSON object"),
            ("[{\"Id\":\"a\",\"Id\":\"b\"}]", "not valid JSON"),
            ("[" + string.Join(",", Enumerable.Repeat("{}", 101)) + "]", "between 1 and 100"),
            ("[{\"Ukjent\":1}]", "does not exist on type"),
        ];
        var data = new TheoryData<string, string, string, string>();
        foreach (var (method, path) in new[]
        {
            ("POST", "prosjekt/Kunde"), ("PUT", "prosjekt/Kunde"), ("POST", "ansatt/Ansatte"), ("PUT", "ansatt/ansatt"),
            ("POST", "prosjekt/Prosjekt"), ("PUT", "prosjekt/Prosjekt"),
        })
        {
            foreach (var (body, expected) in bodies)
            {
                data.Add(method, path, body, expected);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task a_malformed_body_is_400_in_the_odata_error_format(string method, string path, string body, string expected)
    {
        await fixture.ResetAsync();
        var before = await fixture.Server.Admin.CallCountAsync();
        var message = (await fixture.SendAsync(new HttpMethod(method), path, body)).AssertODataError(400, "BadRequest");
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Equal(before + 1, await fixture.Server.Admin.CallCountAsync());
    }

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public async Task a_body_that_is_not_json_is_415(string method, string path)
    {
        await fixture.ResetAsync();
        (await fixture.SendAsync(new HttpMethod(method), path, "Id=K1&Navn=x", contentType: "application/x-www-form-urlencoded"))
            .AssertODataError(415, "UnsupportedMediaType");
        (await fixture.SendAsync(new HttpMethod(method), path, "[{\"Id\":\"K1\"}]", contentType: "text/plain"))
            .AssertODataError(415, "UnsupportedMediaType");
    }

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public async Task a_write_without_a_body_is_400_or_415_never_500(string method, string path)
    {
        await fixture.ResetAsync();
        var result = await fixture.SendAsync(new HttpMethod(method), path);
        result.AssertODataError(415, "UnsupportedMediaType");
    }

    [Theory]
    [MemberData(nameof(ListPaths))]
    public async Task every_list_answers_with_all_options_together(string path)
    {
        await fixture.ResetAsync();
        var result = await fixture.GetAsync($"{path}?$filter=SistEndretDato gt 2000-01-01T00:00:00Z&$select=Id,SistEndretDato&$orderby=SistEndretDato desc&$top=2&$skip=1&$count=true");
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.True((int)result.Body!["@odata.count"]! >= result.Values.Count);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(3000)]
    public async Task a_filter_nested_too_deeply_is_400_not_a_crash(int depth)
    {
        await fixture.ResetAsync();
        var filter = new string('(', depth) + "Id eq 'K1001'" + new string(')', depth);
        Assert.Contains("nested more than 100 levels", (await fixture.GetAsync($"prosjekt/Kunde?$filter={filter}")).AssertODataError(400), StringComparison.Ordinal);
        Assert.Single(await fixture.ListAsync($"prosjekt/Kunde?$filter={new string('(', 99)}Id eq 'K1001'{new string(')', 99)}"));
    }

    [Theory]
    [InlineData("prosjekt")]
    [InlineData("prosjekt/Kunder")]
    [InlineData("prosjekt/Kunde/K1001")]
    [InlineData("api/prosjekt/Kunde")]
    [InlineData("ansatt/Ansatt/extra")]
    [InlineData("")]
    public async Task an_unknown_path_is_the_gateways_404(string path)
    {
        await fixture.ResetAsync();
        Assert.Equal("Resource not found", (await fixture.GetAsync(path)).AssertGatewayError(404));
    }
}
