using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Tolk.Sync.Configuration;
using Tolk.Sync.Documentation;

namespace Tolk.Cli.Commands;

/// <summary>
/// <c>tolk docs</c>: generates the five dataflow documents (reStructuredText, one per source → target system pair) from
/// the configuration. Files that already say the same are left untouched, so their <c>Generated:</c> line stays put.
/// </summary>
internal static class DocsCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write the documents to",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("docs", "dataflows")),
        };
        var config = new Option<DirectoryInfo>("--config")
        {
            Description = "The configuration folder (model.yaml, systems/*.yaml, flows.yaml)",
            DefaultValueFactory = _ => new DirectoryInfo("config"),
        };
        var command = new Command("docs", "Generate the dataflow documents (one .rst per source → target system pair) from the configuration") { output, config };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(config)!, parse.GetValue(output)!, parse.GetValue(TolkCommand.Json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo config, DirectoryInfo output, bool json, CancellationToken cancellationToken)
    {
        // Errors go to standard error, one unwrapped line each, so that a long path never splits a problem in two.
        var errors = Console.Error;
        if (!config.Exists)
        {
            await errors.WriteLineAsync($"error: no configuration folder at {config.FullName} (name one with --config)");
            return ExitCodes.Usage;
        }

        var load = ConfigurationLoader.Load(config.FullName);
        if (load.Configuration is not { } configuration)
        {
            foreach (var error in load.Errors)
            {
                await errors.WriteLineAsync($"error: {error}");
            }
            await errors.WriteLineAsync($"The configuration in {config.FullName} has {load.Errors.Count} error(s); no document was written.");
            return ExitCodes.Usage;
        }

        IReadOnlyList<WrittenDocument> written;
        try
        {
            var documents = DataflowDocuments.Generate(configuration, TimeProvider.System.GetUtcNow());
            written = await DataflowDocumentWriter.WriteAsync(output.FullName, documents, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"error: cannot write the documents to {output.FullName}: {e.Message}");
            return ExitCodes.Failed;
        }

        if (json)
        {
            var files = written.Select(w => new { w.Path, w.Document.Title, w.Document.Flows, w.Changed });
            Console.WriteLine(JsonSerializer.Serialize(new { Config = config.FullName, Out = output.FullName, Files = files }, JsonOptions));
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("File", "Title", "Flows", "Status");
        foreach (var w in written)
        {
            table.AddRow(Markup.Escape(w.Document.FileName), Markup.Escape(w.Document.Title), string.Join(", ", w.Document.Flows), w.Changed ? "written" : "unchanged");
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"{written.Count(w => w.Changed)} written, {written.Count(w => !w.Changed)} unchanged: {written.Count} dataflow documents in {output.FullName}.");
        return ExitCodes.Ok;
    }
}
