using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Tolk.Cli.Tests;

public sealed class StoreCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tolk-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task demo_creates_the_hub_store_under_tolk_data_and_reports_it()
    {
        var (exit, output, _) = await TolkProcess.RunAsync(_folder, "demo");
        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(_folder, "tolk-data", "tolk.db")));
        Assert.Contains("Hub store", output, StringComparison.Ordinal);
        Assert.Contains("schema 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task status_as_json_names_the_store_and_its_schema()
    {
        await TolkProcess.RunAsync(_folder, "demo");
        var (exit, output, _) = await TolkProcess.RunAsync(_folder, "status", "--json");
        Assert.Equal(0, exit);
        var status = JsonNode.Parse(output)!;
        Assert.Equal(Path.Combine(_folder, "tolk-data", "tolk.db"), (string?)status["path"]);
        Assert.Equal(2, (int?)status["schemaVersion"]);
        Assert.Empty(status["datasets"]!.AsArray());
    }

    [Fact]
    public async Task an_unknown_command_is_a_usage_error_with_exit_code_2()
    {
        var (exit, _, error) = await TolkProcess.RunAsync(_folder, "synchronise");
        Assert.Equal(2, exit);
        Assert.Contains("'synchronise'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_store_from_a_newer_tolk_is_refused_with_exit_code_3_naming_both_versions()
    {
        await TolkProcess.RunAsync(_folder, "demo");
        var path = Path.Combine(_folder, "tolk-data", "tolk.db");
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', '2030-01-01T00:00:00Z')";
            await command.ExecuteNonQueryAsync();
        }
        var (exit, output, _) = await TolkProcess.RunAsync(_folder, "status");
        Assert.Equal(3, exit);
        Assert.Contains("99", output, StringComparison.Ordinal);
        Assert.Contains("2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task demo_with_reset_starts_from_an_empty_store()
    {
        await TolkProcess.RunAsync(_folder, "demo");
        var (exit, output, _) = await TolkProcess.RunAsync(_folder, "demo", "--reset");
        Assert.Equal(0, exit);
        Assert.Contains("Removed the hub store", output, StringComparison.Ordinal);
    }
}
