using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Crmoffice.Internal;

namespace Tolk.Crmoffice;

public sealed partial class CrmofficeConnector
{
    /// <inheritdoc />
    /// <remarks>
    /// Pages through <c>GET /{collection}</c> ordered by <c>updatedAt</c>; an incremental read asks for
    /// <c>updatedAfter</c> = the last seen instant minus the overlap window and drops records it has already read with
    /// the same content. Deletes named by webhooks are confirmed with a GET first (404 → a deleted record).
    /// </remarks>
    public async IAsyncEnumerable<ReadBatch> ReadAsync(string datatype, ConnectorCursor cursor,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var type = Datatype(datatype);
        var state = CrmofficeCursor.From(cursor);
        if (state.Since is not null && await ConfirmDeletesAsync(type, cancellationToken) is { Count: > 0 } deleted)
        {
            yield return new ReadBatch(deleted, [], state.ToConnectorCursor());
        }
        var after = state.Since - _options.OverlapWindow;
        var pageSize = Math.Clamp(_options.PageSize, 1, 250);
        var offset = 0;
        while (true)
        {
            var page = await _api.ListAsync(type.Collection, offset, pageSize, after, cancellationToken);
            if (page.Failure is { } failure)
            {
                yield return ReadBatch.Failed(failure, cursor.IsNone && state.Since is null ? cursor : state.ToConnectorCursor());
                yield break;
            }
            var items = page.Value!.Items ?? [];
            var (records, problems, fresh) = ReadPage(type, items, state);
            state = state.Advance(fresh, _options.OverlapWindow);
            yield return new ReadBatch(records, problems, state.ToConnectorCursor());
            if (items.Count == 0 || offset + items.Count >= page.Value.Total)
            {
                yield break;
            }
            // Re-read the end of the previous page: a record updated meanwhile moves to the end and shifts the rest back.
            offset += Math.Max(1, items.Count - Math.Clamp(_options.PageOverlap, 0, pageSize / 4));
        }
    }

    private static (List<ConnectorRecord> Records, List<ReadProblem> Problems, List<(string, string, DateTimeOffset)> Read) ReadPage(
        CrmDatatype type, JsonArray items, CrmofficeCursor state)
    {
        var records = new List<ConnectorRecord>();
        var problems = new List<ReadProblem>();
        var read = new List<(string, string, DateTimeOffset)>();
        foreach (var node in items)
        {
            var item = RecordReader.Read(type, node);
            if (item.Problem is { } problem)
            {
                problems.Add(problem);
                continue;
            }
            var record = item.Record!;
            if (!state.HasSeen(record.Id, item.Hash!) && read.TrueForAll(r => r.Item1 != record.Id || r.Item2 != item.Hash))
            {
                records.Add(record);
            }
            read.Add((record.Id, item.Hash!, record.ModifiedAt!.Value));
        }
        return (records, problems, read);
    }

    // Each id a *.deleted webhook named is fetched once: 404 means it is gone; a record that is there again (or never
    // went) is left to the list read. Ids whose GET failed stay pending for the next read.
    private async Task<List<ConnectorRecord>> ConfirmDeletesAsync(CrmDatatype type, CancellationToken cancellationToken)
    {
        var deleted = new List<ConnectorRecord>();
        if (!_pendingDeletes.TryGetValue(type.Name, out var pending))
        {
            return deleted;
        }
        foreach (var id in pending.Keys.ToList())
        {
            var result = await _api.GetAsync(type.Collection, id, cancellationToken);
            if (result.Failure is { Kind: FailureKind.NotFound })
            {
                deleted.Add(new ConnectorRecord(id, [], _time.GetUtcNow(), Deleted: true));
            }
            if (result.Failure is null or { Kind: FailureKind.NotFound })
            {
                pending.TryRemove(id, out _);
            }
        }
        return deleted;
    }
}
