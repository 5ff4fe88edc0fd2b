using Spectre.Console;
using Tolk.Hub.Store;

namespace Tolk.Cli.Commands;

/// <summary>Opens the hub store for a command, turning the ways it can fail into one clear line and exit code 3.</summary>
internal static class StoreOpener
{
    public static async Task<(SqliteHubStore? Store, int ExitCode)> OpenAsync(FileInfo path, CancellationToken cancellationToken)
    {
        try
        {
            return (await SqliteHubStore.OpenAsync(new SqliteHubStoreOptions { Path = path.FullName }, TimeProvider.System, cancellationToken), ExitCodes.Ok);
        }
        catch (SchemaVersionTooNewException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {path.FullName}: {e.Message}");
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] cannot open the hub store {path.FullName}: {e.Message}");
        }
        return (null, ExitCodes.Store);
    }
}
