using Microsoft.Data.Sqlite;

namespace Tolk.Cli.Tests;

/// <summary>Bad input of every kind, as a user would type it: each gets one clear line and a documented exit code.</summary>
public sealed class CommandLineTests : IDisposable
{
    private static readonly string[] Commands = ["demo", "run", "sync", "check", "status", "links", "history", "conflicts", "errors", "retry", "link", "unlink", "docs"];

    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task an_unknown_command_is_a_usage_error_with_exit_code_2()
    {
        var (exit, _, error) = await TolkProcess.RunAsync(_folder.Path, "synchronise");
        Assert.Equal(2, exit);
        Assert.Contains("'synchronise'", error, StringComparison.Ordinal);
        Assert.Contains("tolk --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task every_command_has_help_and_the_root_help_lists_them_with_the_exit_codes()
    {
        var (rootExit, root, _) = await TolkProcess.RunAsync(_folder.Path, "--help");
        Assert.Equal(0, rootExit);
        Assert.Contains("Exit codes: 0 done; 1 something failed", root, StringComparison.Ordinal);
        foreach (var command in Commands)
        {
            Assert.Contains($"  {command}", root, StringComparison.Ordinal);
            var (exit, output, _) = await TolkProcess.RunAsync(_folder.Path, command, "--help");
            Assert.Equal(0, exit);
            Assert.Contains($"tolk {command}", output, StringComparison.Ordinal);
            Assert.Contains("--json", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task a_missing_settings_file_is_named_with_exit_code_2()
    {
        var missing = _folder["no-such.yaml"];
        var (exit, _, error) = await TolkProcess.RunAsync(_folder.Path, "check", "--config", missing);
        Assert.Equal(2, exit);
        Assert.Contains($"error: {missing}:1:1: no-such.yaml: the file is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_yaml_syntax_error_in_the_settings_is_reported_with_its_line()
    {
        var settings = _folder.Write("tolk.yaml", "store: tolk-data/run.db\nsystems:\n  asana: { base_url: http://127.0.0.1:1/\n");
        var (exit, _, error) = await TolkProcess.RunAsync(_folder.Path, "run");
        Assert.Equal(2, exit);
        Assert.Matches($@"error: {System.Text.RegularExpressions.Regex.Escape(settings)}:\d+:\d+: YAML syntax: ", error);
    }

    [Fact]
    public async Task each_wrong_setting_is_one_line_naming_the_file_line_and_problem()
    {
        var settings = _folder.Write("tolk.yaml", """
            store: tolk-data/run.db
            sync:
              poll_interval: often
            server:
              port: 99999
            systems:
              asana:
                base_url: not a url
                credentials:
                  personal_access_token: 2/1203000000000000/1209000000000001:pasted-secret
              jira:
                base_url: https://jira.example.com/
            colour: blue
            """);

        var (exit, output, error) = await TolkProcess.RunAsync(_folder.Path, "check");

        Assert.Equal(2, exit);
        Assert.Contains($"error: {settings}:3:18: sync: 'poll_interval' must be a duration such as 500ms, 10s, 5m or 1h, not 'often'", error, StringComparison.Ordinal);
        Assert.Contains($"error: {settings}:5:9: server: 'port' must be a port number", error, StringComparison.Ordinal);
        Assert.Contains($"error: {settings}:8:15: systems.asana: 'base_url' must be an http or https URL, not 'not a url'", error, StringComparison.Ordinal);
        Assert.Contains($"error: {settings}:10:30: systems.asana.credentials.personal_access_token: a credential is never written in the settings file", error, StringComparison.Ordinal);
        Assert.Contains($"error: {settings}:11:3: systems.jira: Tolk has no connector for 'jira'", error, StringComparison.Ordinal);
        Assert.Contains($"error: {settings}:13:1: settings: unknown setting 'colour'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("pasted-secret", output + error, StringComparison.Ordinal);
        Assert.Contains("have 6 error(s); nothing was done", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_store_command_without_a_store_says_so_with_exit_code_3()
    {
        var (exit, _, error) = await TolkProcess.RunAsync(_folder.Path, "status");
        Assert.Equal(3, exit);
        Assert.Contains($"there is no hub store at {_folder[Path.Combine("tolk-data", "tolk.db")]} yet", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder[Path.Combine("tolk-data", "tolk.db")]));
    }

    [Fact]
    public async Task a_store_from_a_newer_tolk_is_refused_with_exit_code_3_naming_both_versions()
    {
        var path = _folder[Path.Combine("tolk-data", "tolk.db")];
        await using (var store = await Hub.Store.SqliteHubStore.OpenAsync(new Hub.Store.SqliteHubStoreOptions { Path = path }))
        {
        }

        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', '2030-01-01T00:00:00Z')";
            await command.ExecuteNonQueryAsync();
        }

        var (exit, _, error) = await TolkProcess.RunAsync(_folder.Path, "status");
        Assert.Equal(3, exit);
        Assert.Contains("99", error, StringComparison.Ordinal);
        Assert.Contains(path, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_record_named_wrongly_is_a_usage_error()
    {
        var (exit, _, error) = await TolkProcess.RunAsync(_folder.Path, "links", "asana-task-1");
        Assert.Equal(2, exit);
        Assert.Contains("is not a record: give system/datatype/id", error, StringComparison.Ordinal);
    }
}
