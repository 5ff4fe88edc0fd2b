using System.CommandLine;
using Spectre.Console;

namespace Tolk.Cli.Commands;

/// <summary>
/// <c>tolk demo</c>: Tolk's main job on the embedded default, a SQLite hub under ./tolk-data. It opens (or creates and
/// migrates) the hub store and reports what it holds; the sync it will run grows with the engine.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var reset = new Option<bool>("--reset") { Description = "Delete the demo's hub store first and start over" };
        var command = new Command("demo", "Run Tolk on the embedded default (SQLite under ./tolk-data) and report the hub's state") { reset };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(TolkCommand.Store)!;
            if (parse.GetValue(reset))
            {
                foreach (var file in new[] { path.FullName, path.FullName + "-wal", path.FullName + "-shm" }.Where(File.Exists))
                {
                    File.Delete(file);
                }
                AnsiConsole.MarkupLineInterpolated($"Removed the hub store {path.FullName}.");
            }
            var (store, exit) = await StoreOpener.OpenAsync(path, cancellationToken);
            if (store is null)
            {
                return exit;
            }
            await using (store)
            {
                StoreStatus.Render(await StoreStatus.ReadAsync(store, cancellationToken));
                AnsiConsole.MarkupLine("The hub store is ready. Synchronization between the six systems arrives with the sync engine.");
                return ExitCodes.Ok;
            }
        });
        return command;
    }
}
