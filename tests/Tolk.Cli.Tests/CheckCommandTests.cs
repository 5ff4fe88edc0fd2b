using System.Text.Json.Nodes;

namespace Tolk.Cli.Tests;

/// <summary><c>tolk check</c>: the settings, configuration, store and every system, one line per problem.</summary>
[Collection(SandboxGroup.Name)]
public sealed class CheckCommandTests(SandboxFixture sandbox) : IDisposable
{
    private readonly TestFolder _folder = new("tolk-check-");

    public void Dispose() => _folder.Dispose();

    private Dictionary<string, string> BaseUrls() => sandbox.Sandbox.Endpoints.ToDictionary(e => e.System, e => e.BaseUrl.ToString());

    [Fact]
    public async Task check_passes_when_every_system_answers_and_accepts_its_credentials()
    {
        _folder.Write("tolk.yaml", sandbox.Settings(BaseUrls()));

        var (exit, output, error) = await TolkProcess.RunAsync(_folder.Path, sandbox.Environment, "check");

        Assert.True(exit == 0, output + error);
        foreach (var system in new[] { "asana", "trello", "tidsbanken", "customerp", "custompms", "crmoffice" })
        {
            Assert.Contains($"ok     {system}: ", output, StringComparison.Ordinal);
        }

        Assert.Contains("All checks passed.", output, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Environment[SandboxFixture.AsanaVariable], output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task check_names_wrong_credentials_and_an_unreachable_system_one_line_each_with_exit_code_1()
    {
        var urls = BaseUrls();
        urls["custompms"] = $"http://127.0.0.1:{FreePort()}/api/";
        _folder.Write("tolk.yaml", sandbox.Settings(urls));
        var environment = new Dictionary<string, string> { [SandboxFixture.AsanaVariable] = "2/1203000000000000/1209000000000001:not-the-token" };

        var (exit, output, error) = await TolkProcess.RunAsync(_folder.Path, environment, "check");

        Assert.Equal(1, exit);
        var problems = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, problems.Length);
        Assert.Contains(problems, p => p.StartsWith("error: asana: ", StringComparison.Ordinal) && p.Contains("rejected the credentials", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("error: custompms: unreachable at ", StringComparison.Ordinal) && p.Contains(urls["custompms"], StringComparison.Ordinal));
        Assert.DoesNotContain("not-the-token", output + error, StringComparison.Ordinal);
        Assert.Contains("ok     customerp: ", output, StringComparison.Ordinal);
        Assert.Contains("2 problem(s).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task check_names_a_missing_environment_variable_and_secrets_key_with_their_lines_and_exit_code_2()
    {
        var settings = _folder.Write("tolk.yaml", sandbox.Settings(BaseUrls()).Replace("key: trello.token }", "key: trello.tokn }", StringComparison.Ordinal));
        var lines = File.ReadAllLines(settings);

        var (exit, _, error) = await TolkProcess.RunAsync(_folder.Path, "check");

        Assert.Equal(2, exit);
        var asanaLine = Array.FindIndex(lines, l => l.Contains(SandboxFixture.AsanaVariable, StringComparison.Ordinal)) + 1;
        Assert.Contains($"error: {settings}:{asanaLine}:", error, StringComparison.Ordinal);
        Assert.Contains($"the environment variable {SandboxFixture.AsanaVariable} is not set", error, StringComparison.Ordinal);
        var trelloLine = Array.FindIndex(lines, l => l.Contains("trello.tokn", StringComparison.Ordinal)) + 1;
        Assert.Contains($"error: {settings}:{trelloLine}:", error, StringComparison.Ordinal);
        Assert.Contains("has no value at 'trello.tokn'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task check_as_json_lists_every_check()
    {
        _folder.Write("tolk.yaml", sandbox.Settings(BaseUrls()));

        var (exit, output, _) = await TolkProcess.RunAsync(_folder.Path, sandbox.Environment, "check", "--json");

        Assert.Equal(0, exit);
        var result = JsonNode.Parse(output)!;
        Assert.True((bool)result["ok"]!);
        Assert.Contains(result["checks"]!.AsArray(), c => (string?)c!["subject"] == "crmoffice" && (bool)c["ok"]!);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
