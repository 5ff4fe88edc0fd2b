using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Tidsbanken.Internal;

namespace Tolk.Tidsbanken;

/// <summary>Reads: the change stream page by page, then (for Kunde, when due) the sweep that finds deletions.</summary>
public sealed partial class TidsbankenConnector
{
    /// <inheritdoc />
    public async IAsyncEnumerable<ReadBatch> ReadAsync(string datatype, ConnectorCursor cursor,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var type = TypeOf(datatype);
        var previous = TidsbankenCursor.From(cursor);
        var read = new ChangeRead(type, previous, _options);
        var last = previous is null ? ConnectorCursor.None : cursor;
        while (read.More)
        {
            var (page, failure) = await ListAsync(read.NextQuery(), cancellationToken);
            if (failure is not null)
            {
                yield return ReadBatch.Failed(failure, last);
                yield break;
            }
            var batch = read.Accept(page!);
            foreach (var problem in batch.Problems)
            {
                _logger.LogWarning("tidsbanken {Datatype}: {Problem}", type.Name, problem.Message);
            }
            last = batch.Cursor;
            yield return batch;
        }
        if (type.Remove != RemoveMode.Delete)
        {
            yield break;
        }
        var now = _time.GetUtcNow();
        if (!read.Incremental)
        {
            // A read from nothing saw every id: that is a sweep.
            yield return new ReadBatch([], [], (read.Cursor with { LastSweep = now }).ToConnectorCursor());
        }
        else if (read.Cursor.LastSweep is not { } swept || now - swept >= _options.DeleteSweepInterval)
        {
            yield return await SweepAsync(type, read.Cursor, last, now, cancellationToken);
        }
    }

    // Lists every Id (keyset-paged on Id, so a customer created meanwhile cannot push another out of the listing) and
    // reports the known ids that are gone as deleted records.
    private async Task<ReadBatch> SweepAsync(EntityType type, TidsbankenCursor cursor, ConnectorCursor last, DateTimeOffset now,
        CancellationToken ct)
    {
        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? after = null;
        while (true)
        {
            var query = ODataQuery.Build(type.ListPath, ("$select", EntityType.Key),
                ("$filter", after is null ? null : $"Id gt {ODataQuery.KeyLiteral(type, after)}"),
                ("$orderby", "Id asc"), ("$top", MaxTop.ToString(global::System.Globalization.CultureInfo.InvariantCulture)));
            var (page, failure) = await ListAsync(query, ct);
            if (failure is not null)
            {
                return ReadBatch.Failed(failure, last);
            }
            var ids = page!.Select(p => p?[EntityType.Key]).OfType<JsonValue>().Select(v => v.ToString()).ToList();
            listed.UnionWith(ids);
            if (page!.Count < MaxTop || ids.Count == 0)
            {
                break;
            }
            after = ids[^1];
        }
        var gone = (cursor.KnownIds ?? []).Where(id => !listed.Contains(id)).Order(StringComparer.Ordinal)
            .Select(id => new ConnectorRecord(id, new JsonObject { [EntityType.Key] = id }, null, Deleted: true)).ToList();
        var swept = cursor with { LastSweep = now, KnownIds = listed.Order(StringComparer.Ordinal).ToList() };
        return new ReadBatch(gone, [], swept.ToConnectorCursor());
    }

    private async Task<(IReadOnlyList<JsonNode?>? Page, Failure? Failure)> ListAsync(string query, CancellationToken ct)
    {
        var operation = "GET " + query.Split('?')[0];
        try
        {
            var reply = await _api.GetAsync(query, ct);
            return reply.IsSuccess && reply.Body?["value"] is JsonArray
                ? (reply.Values, null)
                : (null, reply.IsSuccess
                    ? new Failure(FailureKind.Unavailable, $"tidsbanken {operation} answered {(int)reply.Status} without a value array")
                    : Failures.From(reply, operation, _guard));
        }
        catch (Exception e) when (IsNoAnswer(e, ct))
        {
            return (null, Failures.Unreachable(operation, e));
        }
    }

    private static bool IsNoAnswer(Exception e, CancellationToken ct) =>
        !ct.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException;
}
