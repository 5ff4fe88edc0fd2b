using System.CommandLine;
using Spectre.Console;
using Tolk.Cli.Hosting;
using Tolk.Cli.Output;

namespace Tolk.Cli.Commands;

/// <summary><c>tolk errors</c>: the records in quarantine, with the stage, field and reason, most recent first.</summary>
internal static class ErrorsCommand
{
    public static Command Create()
    {
        var config = CliSettings.ConfigOption();
        var all = new Option<bool>("--all") { Description = "Include the errors already resolved" };
        var limit = new Option<int>("--limit") { Description = "The most errors to show", DefaultValueFactory = _ => 100 };
        var command = new Command("errors", "Show the records Tolk could not sync: the stage, the field to blame and why") { all, limit, config };
        StoreCommand.SetAction(command, config, async (parse, _, store, cancellationToken) =>
        {
            if (parse.GetValue(limit) < 1)
            {
                Out.Error("--limit must be at least 1");
                return ExitCodes.Usage;
            }

            var errors = await store.GetErrorsAsync(parse.GetValue(all), parse.GetValue(limit), cancellationToken);
            if (parse.GetValue(TolkCommand.Json))
            {
                Out.Json(errors.Select(e => new
                {
                    e.Id, Record = $"{e.Dataset}/{e.RecordId}", e.Dataset.System, e.Dataset.Datatype, e.RecordId, e.Stage, e.Field, e.Message,
                    e.FirstSeen, e.LastSeen, e.Attempts, e.ResolvedAt,
                }));
                return ExitCodes.Ok;
            }

            if (errors.Count == 0)
            {
                Console.WriteLine(parse.GetValue(all) ? "No errors recorded." : "No open errors: every record Tolk has read is synced or waiting for its turn.");
                return ExitCodes.Ok;
            }

            var now = DateTimeOffset.UtcNow;
            var table = new Table().Border(TableBorder.Simple).AddColumns("Id", "Record", "Stage", "Problem", "Attempts", "Last seen");
            foreach (var e in errors)
            {
                var problem = e.Field is null ? e.Message : $"{e.Field}: {e.Message}";
                var last = e.ResolvedAt is { } resolved ? $"resolved {Ago.Since(resolved, now)}" : Ago.Since(e.LastSeen, now);
                table.AddRow(new Text($"{e.Id}"), new Text($"{e.Dataset}/{e.RecordId}"), new Text(e.Stage), new Text(problem), new Text($"{e.Attempts}"), new Text(last));
            }

            AnsiConsole.Write(table);
            Console.WriteLine($"{errors.Count} error(s). 'tolk retry ID' (or --all) processes a record again; 'tolk link A B' links an ambiguous match by hand.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
