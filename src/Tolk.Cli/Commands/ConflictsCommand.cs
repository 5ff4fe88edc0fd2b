using System.CommandLine;
using Spectre.Console;
using Tolk.Cli.Hosting;
using Tolk.Cli.Output;
using Tolk.Hub.Store;

namespace Tolk.Cli.Commands;

/// <summary><c>tolk conflicts</c>: edits that lost a per-property merge, newest first, with the edit that won.</summary>
internal static class ConflictsCommand
{
    public static Command Create()
    {
        var config = CliSettings.ConfigOption();
        var limit = new Option<int>("--limit") { Description = "The most conflicts to show", DefaultValueFactory = _ => 50 };
        var command = new Command("conflicts", "Show the conflict log: edits of a property that lost to a later edit in another system") { limit, config };
        StoreCommand.SetAction(command, config, async (parse, _, store, cancellationToken) =>
        {
            if (parse.GetValue(limit) < 1)
            {
                Out.Error("--limit must be at least 1");
                return ExitCodes.Usage;
            }

            var conflicts = await store.GetConflictsAsync(null, parse.GetValue(limit), cancellationToken);
            if (parse.GetValue(TolkCommand.Json))
            {
                Out.Json(conflicts.Select(c => new
                {
                    c.Id, c.ClusterId, c.Property, c.DetectedAt, Kept = Side(c.Winner), Lost = Side(c.Loser),
                }));
                return ExitCodes.Ok;
            }

            if (conflicts.Count == 0)
            {
                Console.WriteLine("No conflicts: no two systems have changed the same property of one thing between two syncs.");
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("Detected", "Cluster", "Property", "Kept", "Lost");
            foreach (var c in conflicts)
            {
                table.AddRow(
                    new Text($"{c.DetectedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss}"), new Text($"{c.ClusterId}"), new Text(c.Property),
                    new Text(Describe(c.Winner)), new Text(Describe(c.Loser)));
            }

            AnsiConsole.Write(table);
            Console.WriteLine($"{conflicts.Count} conflict(s). 'tolk links SYSTEM DATATYPE ID' shows a record's linked records and golden record.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static object Side(ConflictSide side) => new
    {
        Record = $"{side.Dataset}/{side.RecordId}", side.Dataset.System, side.Dataset.Datatype, Id = side.RecordId,
        Value = JsonValues.Parse(side.Value), side.ChangedAt,
    };

    private static string Describe(ConflictSide side) =>
        $"{JsonValues.Show(JsonValues.Parse(side.Value), 40)}\n{side.Dataset}/{side.RecordId}\n{side.ChangedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss}";
}
