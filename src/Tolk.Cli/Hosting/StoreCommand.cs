using System.CommandLine;
using Tolk.Hub.Store;
using Tolk.Runtime.Settings;

namespace Tolk.Cli.Hosting;

/// <summary>
/// The shape of the commands that read the hub store (links, history, conflicts, errors): settings resolved, the store
/// opened (it must exist), the action run, the store closed; problems become one line and an exit code.
/// </summary>
internal static class StoreCommand
{
    /// <summary>Sets <paramref name="command"/>'s action to open the store and run <paramref name="action"/> on it.</summary>
    public static void SetAction(Command command, Option<string?> config, Func<ParseResult, TolkSettings, SqliteHubStore, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (CliSettings.Resolve(parse, config) is not { } settings)
            {
                return ExitCodes.Usage;
            }

            await using var store = await StoreOpener.OpenExistingAsync(settings.StorePath, cancellationToken);
            return store is null ? ExitCodes.Store : await action(parse, settings, store, cancellationToken);
        });
    }
}
