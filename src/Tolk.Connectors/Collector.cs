using Tolk.Hub.Store;

namespace Tolk.Connectors;

/// <summary>What one collection of a datatype did.</summary>
/// <param name="ById">Whether named records were read directly; false for a read of the datatype's change feed.</param>
public sealed record CollectResult(Dataset Dataset, int Pages, int Read, int Appended, int Unchanged, int Problems, Failure? Stopped, bool ById = false);

/// <summary>
/// Reads a datatype through its connector from the saved cursor and appends each page to the hub log together with
/// the cursor that covers it, in one transaction: a crash between pages loses nothing and repeats nothing.
/// </summary>
public sealed class Collector(IHubStore store)
{
    /// <summary>The store key of a connector's cursor for one datatype.</summary>
    public static string CursorKey(Dataset dataset) => $"connector:{dataset.System}/{dataset.Datatype}";

    /// <summary>Collects <paramref name="datatype"/> of <paramref name="connector"/>'s system from where it left off.</summary>
    public async Task<CollectResult> CollectAsync(IConnector connector, string datatype, CancellationToken cancellationToken = default)
    {
        var dataset = new Dataset(connector.System, datatype);
        var key = CursorKey(dataset);
        var saved = await store.GetCursorAsync(key, cancellationToken);
        var cursor = saved is null ? ConnectorCursor.None : new ConnectorCursor(saved.Value, saved.Format);
        int pages = 0, read = 0, appended = 0, unchanged = 0, problems = 0;
        await foreach (var batch in connector.ReadAsync(datatype, cursor, cancellationToken))
        {
            await using var writer = await store.BeginWriteAsync(cancellationToken);
            var result = await writer.AppendAsync(dataset,
                batch.Records.Select(r => r.ToHubRecord()),
                AppendMode.SkipInvalid, cancellationToken);
            foreach (var problem in batch.Problems)
            {
                await writer.RecordErrorAsync(new RecordError(dataset, problem.RecordId ?? "(unknown)", problem.Field, problem.Message),
                    "collect", cancellationToken);
            }
            if (!batch.Cursor.IsNone)
            {
                await writer.SaveCursorAsync(new HubCursor(key, batch.Cursor.Value, batch.Cursor.Format), cancellationToken);
            }
            await writer.CommitAsync(cancellationToken);
            pages++;
            read += batch.Records.Count;
            appended += result.Appended;
            unchanged += result.Unchanged;
            problems += batch.Problems.Count + result.Errors.Count;
            if (batch.Stopped is not null)
            {
                return new CollectResult(dataset, pages, read, appended, unchanged, problems, batch.Stopped);
            }
        }
        return new CollectResult(dataset, pages, read, appended, unchanged, problems, null);
    }

    /// <summary>
    /// Reads the named records of <paramref name="datatype"/> directly and appends what changed; the datatype's cursor
    /// stays where it is, so the change feed still covers them.
    /// </summary>
    public async Task<CollectResult> CollectRecordsAsync(IConnector connector, string datatype, IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        var dataset = new Dataset(connector.System, datatype);
        var batch = await connector.ReadRecordsAsync(datatype, ids, cancellationToken);
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        var result = await writer.AppendAsync(dataset, batch.Records.Select(r => r.ToHubRecord()), AppendMode.SkipInvalid, cancellationToken);
        foreach (var problem in batch.Problems)
        {
            await writer.RecordErrorAsync(new RecordError(dataset, problem.RecordId ?? "(unknown)", problem.Field, problem.Message), "collect", cancellationToken);
        }
        await writer.CommitAsync(cancellationToken);
        return new CollectResult(dataset, 1, batch.Records.Count, result.Appended, result.Unchanged, batch.Problems.Count + result.Errors.Count, batch.Stopped, ById: true);
    }
}
