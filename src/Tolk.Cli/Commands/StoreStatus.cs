using System.Text.Json;
using Spectre.Console;
using Tolk.Hub.Store;

namespace Tolk.Cli.Commands;

/// <summary>The hub store's state as <c>tolk status</c> and <c>tolk demo</c> report it.</summary>
internal sealed record StoreStatus(
    string Path, int SchemaVersion, long LastSeq, IReadOnlyList<DatasetSummary> Datasets, int OpenErrors, int PendingIntents, int Conflicts)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<StoreStatus> ReadAsync(SqliteHubStore store, CancellationToken cancellationToken) => new(
        store.FilePath,
        await store.GetSchemaVersionAsync(cancellationToken),
        await store.GetLastSeqAsync(cancellationToken),
        await store.GetDatasetSummariesAsync(cancellationToken),
        (await store.GetErrorsAsync(includeResolved: false, 10_000, cancellationToken)).Count,
        (await store.GetPendingIntentsAsync(cancellationToken)).Count,
        (await store.GetConflictsAsync(null, 10_000, cancellationToken)).Count);

    public static void Render(StoreStatus status)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]Hub store[/] {status.Path} (schema {status.SchemaVersion}, last seq {status.LastSeq})");
        if (status.Datasets.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey]No records collected yet.[/]");
        }
        else
        {
            var table = new Table().AddColumns("System", "Datatype", "Records", "Deleted", "Versions", "Last seq");
            foreach (var d in status.Datasets)
            {
                table.AddRow(d.Dataset.System, d.Dataset.Datatype, $"{d.Records}", $"{d.Deleted}", $"{d.Versions}", $"{d.LastSeq}");
            }
            AnsiConsole.Write(table);
        }
        AnsiConsole.MarkupLineInterpolated(
            $"Open errors: {status.OpenErrors}   Pending inserts: {status.PendingIntents}   Conflicts: {status.Conflicts}");
    }
}
