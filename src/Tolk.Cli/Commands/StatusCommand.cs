using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Tolk.Hub.Store;

namespace Tolk.Cli.Commands;

/// <summary><c>tolk status</c>: what the hub store holds, per dataset.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show what the hub store holds: schema, datasets, records, versions, errors");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (store, exit) = await StoreOpener.OpenAsync(parse.GetValue(TolkCommand.Store)!, cancellationToken);
            if (store is null)
            {
                return exit;
            }
            await using (store)
            {
                var status = await StoreStatus.ReadAsync(store, cancellationToken);
                if (parse.GetValue(TolkCommand.Json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(status, StoreStatus.JsonOptions));
                }
                else
                {
                    StoreStatus.Render(status);
                }
                return ExitCodes.Ok;
            }
        });
        return command;
    }
}
