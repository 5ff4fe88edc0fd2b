using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Custompms.Internal;
using Tolk.Custompms.Internal.Dto;

namespace Tolk.Custompms;

public sealed partial class CustompmsConnector
{
    /// <inheritdoc />
    /// <remarks>
    /// From no cursor: the change log's head is taken first, then the collection is listed in full, so every change
    /// made during the listing is in the log after that head and the next incremental read sees it.
    /// </remarks>
    public async IAsyncEnumerable<ReadBatch> ReadAsync(string datatype, ConnectorCursor cursor,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (CustompmsCollections.Find(datatype) is not { } collection)
        {
            yield return ReadBatch.Failed(new Failure(FailureKind.NotSupported, $"custompms has no datatype '{datatype}'"), cursor);
            yield break;
        }
        var state = CustompmsCursor.From(cursor);
        if (state is null && !cursor.IsNone)
        {
            _logger.LogWarning("custompms {Datatype}: cursor of format {Format} is not readable; reading everything", datatype, cursor.Format);
        }
        var batches = state switch
        {
            null => FullReadAsync(collection, cursor, cancellationToken),
            { Listing: not null } => ListingAsync(collection, state, cursor, cancellationToken),
            _ => FollowChangesAsync(collection, state, cursor, cancellationToken),
        };
        await foreach (var batch in batches)
        {
            yield return batch;
        }
    }

    /// <summary>Takes the change log's head, then lists the whole collection.</summary>
    private async IAsyncEnumerable<ReadBatch> FullReadAsync(CustompmsCollection collection, ConnectorCursor saved,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var (head, failure) = await HeadAsync(ct);
        if (failure is not null)
        {
            yield return ReadBatch.Failed(failure, saved);
            yield break;
        }
        await foreach (var batch in ListingAsync(collection, new CustompmsCursor(head, ListingPosition.From(null)), saved, ct))
        {
            yield return batch;
        }
    }

    /// <summary>Lists from the cursor's listing position to the end, a batch per page, each with the position after it.</summary>
    private async IAsyncEnumerable<ReadBatch> ListingAsync(CustompmsCollection collection, CustompmsCursor state, ConnectorCursor saved,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var position = state.Listing!;
        while (true)
        {
            var (items, more, failure) = await ListPageAsync(collection, position, ct);
            if (failure is not null)
            {
                yield return ReadBatch.Failed(failure, saved);
                yield break;
            }
            var (fresh, next) = position.Advance(items!);
            var (records, problems) = ReadAll(collection, fresh);
            var done = !more || items!.Count == 0;
            saved = new CustompmsCursor(state.Seq, done ? null : next).ToConnectorCursor();
            yield return new ReadBatch(records, problems, saved);
            if (done)
            {
                yield break;
            }
            position = next;
        }
    }

    /// <summary>The change log's current head: where following starts once everything has been read.</summary>
    private async Task<(long Head, Failure? Failure)> HeadAsync(CancellationToken ct)
    {
        const string what = "read the change log's head";
        try
        {
            var reply = await _api.ChangesAsync(null, _options.ChangeLimit, ct);
            if (!reply.Succeeded)
            {
                return (0, Failures.From(reply, _guard, what));
            }
            return ChangePage.From(reply.Body) is { } page ? (page.LastSeq, null) : (0, Failures.Malformed(reply, what, "a change page"));
        }
        catch (Exception e) when (Failures.IsNetwork(e, ct))
        {
            return (0, Failures.Unreachable(e, what));
        }
    }

    /// <summary>One page of a listing: its items, whether the API says more follow, or why there is none.</summary>
    private async Task<(JsonArray? Items, bool More, Failure? Failure)> ListPageAsync(CustompmsCollection collection, ListingPosition position,
        CancellationToken ct)
    {
        var what = $"list {collection.Path}";
        try
        {
            var reply = await _api.ListAsync(collection.Path, position.Page, _options.PageSize, position.Since, ct);
            if (!reply.Succeeded)
            {
                return (null, false, Failures.From(reply, _guard, what));
            }
            return reply.Body is JsonArray items ? (items, reply.HasNext, null) : (null, false, Failures.Malformed(reply, what, "a JSON array"));
        }
        catch (Exception e) when (Failures.IsNetwork(e, ct))
        {
            return (null, false, Failures.Unreachable(e, what));
        }
    }

    private (List<ConnectorRecord> Records, List<ReadProblem> Problems) ReadAll(CustompmsCollection collection, IEnumerable<JsonNode?> items)
    {
        var records = new List<ConnectorRecord>();
        var problems = new List<ReadProblem>();
        foreach (var item in items)
        {
            var (record, problem) = RecordReader.Read(collection, item);
            if (record is not null)
            {
                records.Add(record);
            }
            else
            {
                _logger.LogWarning("custompms {Datatype} {Id}: {Problem}", collection.Datatype, problem!.RecordId, problem.Message);
                problems.Add(problem);
            }
        }
        return (records, problems);
    }
}
