using System.Text.Json.Nodes;

namespace Tolk.Cli.Tests;

/// <summary><c>tolk docs</c> as a user runs it: a real child process, its output, files and exit code.</summary>
public sealed class DocsCommandTests : IDisposable
{
    private static readonly string[] FileNames =
        ["asana-to-customerp.rst", "asana-to-custompms.rst", "customerp-to-crmoffice.rst", "customerp-to-tidsbanken.rst", "customerp-to-trello.rst"];

    private readonly string _folder = Directory.CreateTempSubdirectory("tolk-docs-").FullName;

    private static string RepoConfig { get; } = Path.Combine(RepositoryRoot(), "config");

    private string Out => Path.Combine(_folder, "out");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task docs_writes_the_five_dataflow_documents_and_lists_them()
    {
        var (exit, output, error) = await TolkProcess.RunAsync(_folder, "docs", "--out", Out, "--config", RepoConfig);
        Assert.True(exit == 0, error);
        Assert.Equal(FileNames, Directory.GetFiles(Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("5 written, 0 unchanged", output, StringComparison.Ordinal);
        Assert.Contains("Customerp to Tidsbanken", output, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(Path.Combine(Out, "customerp-to-tidsbanken.rst"));
        Assert.StartsWith("================================\nCustomerp to Tidsbanken Dataflow\n", text, StringComparison.Ordinal);
        Assert.Contains("   * - org_number\n     - Organisasjonsnummer\n     - string\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task docs_run_again_leaves_the_files_that_say_the_same_untouched()
    {
        await TolkProcess.RunAsync(_folder, "docs", "--out", Out, "--config", RepoConfig);
        var before = await File.ReadAllTextAsync(Path.Combine(Out, "asana-to-customerp.rst"));
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var (exit, output, _) = await TolkProcess.RunAsync(_folder, "docs", "--out", Out, "--config", RepoConfig);
        Assert.Equal(0, exit);
        Assert.Contains("0 written, 5 unchanged", output, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(Out, "asana-to-customerp.rst")));
    }

    [Fact]
    public async Task docs_as_json_lists_each_file_with_its_title_flows_and_whether_it_changed()
    {
        var (exit, output, error) = await TolkProcess.RunAsync(_folder, "docs", "--out", Out, "--config", RepoConfig, "--json");
        Assert.True(exit == 0, error);
        var result = JsonNode.Parse(output)!;
        Assert.Equal(Out, (string?)result["out"]);
        var files = result["files"]!.AsArray();
        Assert.Equal(5, files.Count);
        var first = files[0]!;
        Assert.Equal(Path.Combine(Out, "asana-to-customerp.rst"), (string?)first["path"]);
        Assert.Equal("Asana to Customerp Dataflow", (string?)first["title"]);
        Assert.Equal([1, 2, 3, 4], first["flows"]!.AsArray().Select(n => (int)n!));
        Assert.True((bool)first["changed"]!);
        Assert.Equal(Enumerable.Range(1, 20), files.SelectMany(f => f!["flows"]!.AsArray().Select(n => (int)n!)));
    }

    [Fact]
    public async Task docs_uses_config_and_docs_dataflows_under_the_working_folder_by_default()
    {
        CopyConfig(Path.Combine(_folder, "config"));
        var (exit, _, error) = await TolkProcess.RunAsync(_folder, "docs");
        Assert.True(exit == 0, error);
        Assert.Equal(FileNames, Directory.GetFiles(Path.Combine(_folder, "docs", "dataflows")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task a_broken_mapping_file_is_reported_with_its_file_line_and_problem_and_exit_code_2()
    {
        var config = Path.Combine(_folder, "config");
        CopyConfig(config);
        var line = Replace(Path.Combine(config, "systems", "tidsbanken.yaml"), "{ field: Postnr, property: postal_code, type: string }", "{ field: Postnr, property: postal_code, type: strang }");
        var (exit, _, error) = await TolkProcess.RunAsync(_folder, "docs", "--out", Out, "--config", config);
        Assert.Equal(2, exit);
        Assert.Contains($"{Path.Combine(config, "systems", "tidsbanken.yaml")}:{line}:", error, StringComparison.Ordinal);
        Assert.Contains("unknown type 'strang'", error, StringComparison.Ordinal);
        Assert.Contains("no document was written", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task a_yaml_syntax_error_in_flows_yaml_is_reported_with_its_line_and_exit_code_2()
    {
        var config = Path.Combine(_folder, "config");
        CopyConfig(config);
        var line = Replace(Path.Combine(config, "flows.yaml"), "{ number: 7, seed: \"001\", source: asana.workspace, target: custompms.customer }", "{ number: 7, seed: \"001\", source: [asana.workspace, target: custompms.customer }");
        var (exit, _, error) = await TolkProcess.RunAsync(_folder, "docs", "--out", Out, "--config", config);
        Assert.Equal(2, exit);
        Assert.Contains($"{Path.Combine(config, "flows.yaml")}:{line}:", error, StringComparison.Ordinal);
        Assert.Contains("YAML syntax", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_missing_configuration_folder_is_a_usage_error_naming_the_folder()
    {
        var missing = Path.Combine(_folder, "no-such-config");
        var (exit, _, error) = await TolkProcess.RunAsync(_folder, "docs", "--out", Out, "--config", missing);
        Assert.Equal(2, exit);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.Contains("--config", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_missing_model_file_is_named()
    {
        var config = Path.Combine(_folder, "config");
        CopyConfig(config);
        File.Delete(Path.Combine(config, "model.yaml"));
        var (exit, _, error) = await TolkProcess.RunAsync(_folder, "docs", "--out", Out, "--config", config);
        Assert.Equal(2, exit);
        Assert.Contains($"{Path.Combine(config, "model.yaml")}:1:1: model.yaml: the file is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_output_path_that_is_a_file_fails_with_exit_code_1()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "taken"), "a file, not a folder");
        var (exit, _, error) = await TolkProcess.RunAsync(_folder, "docs", "--out", Path.Combine(_folder, "taken"), "--config", RepoConfig);
        Assert.Equal(1, exit);
        Assert.Contains("cannot write the documents to", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task docs_help_describes_its_options()
    {
        var (exit, output, _) = await TolkProcess.RunAsync(_folder, "docs", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--out", output, StringComparison.Ordinal);
        Assert.Contains("--config", output, StringComparison.Ordinal);
        Assert.Contains("dataflow documents", output, StringComparison.Ordinal);
        var (_, rootHelp, _) = await TolkProcess.RunAsync(_folder, "--help");
        Assert.Contains("docs", rootHelp, StringComparison.Ordinal);
    }

    private static void CopyConfig(string destination)
    {
        foreach (var file in Directory.GetFiles(RepoConfig, "*.yaml", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(destination, Path.GetRelativePath(RepoConfig, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    // Replaces the first occurrence; returns the 1-based line it is on.
    private static int Replace(string path, string find, string replacement)
    {
        var text = File.ReadAllText(path);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in {path}");
        File.WriteAllText(path, text[..at] + replacement + text[(at + find.Length)..]);
        return text[..at].Count(c => c == '\n') + 1;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tolk.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Tolk.slnx not found above " + AppContext.BaseDirectory);
    }
}
