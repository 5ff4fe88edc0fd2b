using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Tolk.Cli.Tests;

/// <summary>The commands that look into the hub store (and change it by hand), on a copy of a synced store.</summary>
[Collection(SandboxGroup.Name)]
public sealed class StoreCommandsTests : IDisposable
{
    private readonly SandboxFixture _sandbox;
    private readonly TestFolder _folder = new("tolk-store-");

    public StoreCommandsTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.CopyTo(_folder);
    }

    public void Dispose() => _folder.Dispose();

    private Task<(int ExitCode, string Output, string Error)> Tolk(params string[] args) => TolkProcess.RunAsync(_folder.Path, _sandbox.Environment, args);

    [Fact]
    public async Task status_shows_each_flow_with_its_links_pending_last_run_lag_and_errors()
    {
        var (exit, output, error) = await Tolk("status");
        Assert.True(exit == 0, error);
        Assert.Contains("Hub store", output, StringComparison.Ordinal);
        Assert.Contains("customerp.customer → tidsbanken.kunde", output, StringComparison.Ordinal);
        Assert.Matches(@"Last run\s+Lag\s+Errors", output);
        Assert.Contains("ago", output, StringComparison.Ordinal);

        var json = JsonNode.Parse((await Tolk("status", "--json")).Output)!;
        Assert.Equal(_folder[Path.Combine("tolk-data", "run.db")], (string?)json["path"]);
        Assert.True((int)json["schemaVersion"]! >= 2);
        var flows = json["flows"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 20), flows.Select(f => (int)f!["number"]!));
        Assert.All(flows, f => Assert.NotNull((string?)f!["lastRun"]));
        Assert.All(flows, f => Assert.Equal(0, (int)f!["unprocessed"]!));
        var kunde = flows.Single(f => (int)f!["number"]! == 18)!;
        Assert.Equal((int)kunde["sourceRecords"]!, (int)kunde["links"]!);
    }

    [Fact]
    public async Task links_shows_a_records_linked_records_in_every_system_with_their_last_synchronized_values()
    {
        var (exit, output, error) = await Tolk("links", "customerp", "customer", "2");
        Assert.True(exit == 0, error);
        Assert.Contains("customerp/customer/2 is one organization", output, StringComparison.Ordinal);
        Assert.Contains("tidsbanken/kunde/", output, StringComparison.Ordinal);
        Assert.Contains("org_number:", output, StringComparison.Ordinal);
        Assert.Contains("Golden record", output, StringComparison.Ordinal);

        var json = JsonNode.Parse((await Tolk("links", "customerp/customer/2", "--json")).Output)!;
        var members = json["clusters"]![0]!["members"]!.AsArray();
        var kunde = members.Single(m => (string?)m!["system"] == "tidsbanken")!;
        Assert.Contains((string?)kunde["joinedBy"], new[] { "insert", "match" });
        Assert.Equal((string?)json["clusters"]![0]!["golden"]!["org_number"]!["v"], (string?)kunde["syncedValues"]!["org_number"]);
    }

    [Fact]
    public async Task links_of_a_record_the_hub_never_saw_fails_with_exit_code_1()
    {
        var (exit, _, error) = await Tolk("links", "customerp", "customer", "999999");
        Assert.Equal(1, exit);
        Assert.Contains("never seen customerp/customer/999999", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task history_lists_a_records_versions_newest_first_with_what_changed()
    {
        await using (var connection = new SqliteConnection($"Data Source={_folder[Path.Combine("tolk-data", "run.db")]}"))
        {
            // A second version of the record, as a later read would append it.
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO versions (seq, dataset_id, record_id, content, hash, deleted, modified_at, observed_at)
                SELECT (SELECT MAX(seq) + 1 FROM versions), dataset_id, record_id, json_set(content, '$.phone', '+47 999 99 999'), X'00', 0, modified_at, observed_at
                FROM versions WHERE record_id = '2' AND dataset_id = (SELECT id FROM datasets WHERE system = 'customerp' AND datatype = 'customer')
                """;
            await command.ExecuteNonQueryAsync();
        }

        var (exit, output, error) = await Tolk("history", "customerp", "customer", "2");
        Assert.True(exit == 0, error);
        Assert.Contains("customerp/customer/2: 2 version(s), newest first", output, StringComparison.Ordinal);
        Assert.Contains("→ +47 999 99 999", output, StringComparison.Ordinal);
        Assert.Contains("first version seen", output, StringComparison.Ordinal);

        var json = JsonNode.Parse((await Tolk("history", "customerp/customer/2", "--json")).Output)!;
        var versions = json["versions"]!.AsArray();
        Assert.True((long)versions[0]!["seq"]! > (long)versions[1]!["seq"]!);
        Assert.Equal("phone", (string?)versions[0]!["changes"]![0]!["field"]);
    }

    [Fact]
    public async Task errors_lists_the_ambiguous_matches_and_conflicts_lists_the_losing_edits()
    {
        var (exit, output, error) = await Tolk("errors");
        Assert.True(exit == 0, error);
        Assert.Contains("ambiguous match", output, StringComparison.Ordinal);
        Assert.Contains("match", output, StringComparison.Ordinal);
        var errors = JsonNode.Parse((await Tolk("errors", "--json")).Output)!.AsArray();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("match", (string?)e!["stage"]));

        var (conflictsExit, conflicts, _) = await Tolk("conflicts", "--json");
        Assert.Equal(0, conflictsExit);
        foreach (var conflict in JsonNode.Parse(conflicts)!.AsArray())
        {
            Assert.NotNull((string?)conflict!["property"]);
            Assert.NotEqual(conflict["kept"]!["record"]!.ToJsonString(), conflict["lost"]!["record"]!.ToJsonString());
        }
    }

    [Fact]
    public async Task linking_an_ambiguous_match_by_hand_settles_it_and_unlink_undoes_it()
    {
        var ambiguous = JsonNode.Parse((await Tolk("errors", "--json")).Output)!.AsArray()
            .First(e => ((string?)e!["message"])!.Contains("customerp.customer → trello.organization", StringComparison.Ordinal) && (string?)e["system"] == "trello")!;
        var organization = (string)ambiguous["record"]!;

        var (exit, output, error) = await Tolk("link", "customerp/customer/1", organization);
        Assert.True(exit == 0, output + error);
        Assert.Contains($"Linked customerp/customer/1 and {organization}", output, StringComparison.Ordinal);
        Assert.Contains(organization, (await Tolk("links", "customerp", "customer", "1")).Output, StringComparison.Ordinal);
        Assert.Contains("manual", (await Tolk("links", organization)).Output, StringComparison.Ordinal);

        var (unlinkExit, unlinked, unlinkError) = await Tolk("unlink", organization);
        Assert.True(unlinkExit == 0, unlinkError);
        Assert.Contains($"Unlinked {organization}", unlinked, StringComparison.Ordinal);
        Assert.Contains("is not linked", (await Tolk("links", organization)).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task link_refuses_records_of_different_kinds_naming_both()
    {
        var (exit, _, error) = await Tolk("link", "customerp/customer/1", "customerp/employee/1");
        Assert.Equal(1, exit);
        Assert.Contains("cannot link customerp/customer/1 and customerp/employee/1", error, StringComparison.Ordinal);
        Assert.Contains("organization", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task retry_processes_an_error_again_and_an_unknown_id_fails_with_exit_code_1()
    {
        var id = (long)JsonNode.Parse((await Tolk("errors", "--json")).Output)!.AsArray()[0]!["id"]!;

        var (exit, output, error) = await Tolk("retry", $"{id}");
        Assert.True(exit == 0, error);
        Assert.Contains($"Retried error {id}", output, StringComparison.Ordinal);

        var (unknown, _, unknownError) = await Tolk("retry", "987654");
        Assert.Equal(1, unknown);
        Assert.Contains("no open error with id 987654", unknownError, StringComparison.Ordinal);

        var (neither, _, neitherError) = await Tolk("retry");
        Assert.Equal(2, neither);
        Assert.Contains("give one error id, or --all", neitherError, StringComparison.Ordinal);
    }
}
