using Spectre.Console;
using Tolk.Hub.Store;

namespace Tolk.Cli.Commands;

/// <summary>The hub store's state as <c>tolk status</c> reports it.</summary>
internal sealed record StoreStatus(
    string Path, int SchemaVersion, long LastSeq, IReadOnlyList<DatasetSummary> Datasets, int OpenErrors, int PendingIntents, int Conflicts)
{
    public static async Task<StoreStatus> ReadAsync(SqliteHubStore store, CancellationToken cancellationToken) => new(
        store.FilePath,
        await store.GetSchemaVersionAsync(cancellationToken),
        await store.GetLastSeqAsync(cancellationToken),
        await store.GetDatasetSummariesAsync(cancellationToken),
        (await store.GetErrorsAsync(includeResolved: false, 1_000_000, cancellationToken)).Count,
        (await store.GetPendingIntentsAsync(cancellationToken)).Count,
        (await store.GetConflictsAsync(null, 1_000_000, cancellationToken)).Count);

    public static void Render(StoreStatus status)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]Hub store[/] {status.Path} (schema {status.SchemaVersion}, last seq {status.LastSeq:N0})");
        if (status.Datasets.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey]No records collected yet.[/]");
        }
        else
        {
            var table = new Table().Border(TableBorder.Simple).Title("Datasets")
                .AddColumns("System", "Datatype", "Records", "Deleted", "Versions", "Last seq");
            foreach (var d in status.Datasets)
            {
                table.AddRow(d.Dataset.System, d.Dataset.Datatype, $"{d.Records:N0}", $"{d.Deleted:N0}", $"{d.Versions:N0}", $"{d.LastSeq:N0}");
            }

            AnsiConsole.Write(table);
        }

        AnsiConsole.MarkupLineInterpolated(
            $"Open errors: {status.OpenErrors:N0}   Pending inserts: {status.PendingIntents:N0}   Conflicts: {status.Conflicts:N0}");
    }
}
