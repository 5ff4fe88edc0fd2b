using Tolk.Cli.Output;
using Tolk.Hub.Store;

namespace Tolk.Cli.Hosting;

/// <summary>Opens the hub store for a command, turning the ways it can fail into one clear line and exit code 3.</summary>
internal static class StoreOpener
{
    /// <summary>The store, or null (the problem written to standard error).</summary>
    public static async Task<SqliteHubStore?> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var (store, problem) = await TryOpenAsync(path, cancellationToken);
        if (problem is not null)
        {
            Out.Error(problem);
        }

        return store;
    }

    /// <summary>The store, or the problem in one line.</summary>
    public static async Task<(SqliteHubStore? Store, string? Problem)> TryOpenAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await SqliteHubStore.OpenAsync(new SqliteHubStoreOptions { Path = path }, TimeProvider.System, cancellationToken), null);
        }
        catch (SchemaVersionTooNewException e)
        {
            return (null, $"{path}: {e.Message}");
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot open the hub store {path}: {e.Message}");
        }
    }

    /// <summary>Opens an existing store; null (with the problem written) when there is none yet.</summary>
    public static async Task<SqliteHubStore?> OpenExistingAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            Out.Error($"there is no hub store at {path} yet ('tolk demo' or 'tolk run' creates it; --store names another)");
            return null;
        }

        return await OpenAsync(path, cancellationToken);
    }
}
