using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Custompms.Internal;
using Tolk.Custompms.Internal.Dto;

namespace Tolk.Custompms;

public sealed partial class CustompmsConnector
{
    /// <summary>
    /// Follows the change log from the cursor's position: one call when nothing changed. Each page's entries for this
    /// collection become deleted records (hard deletes) and the changed records, fetched by listing from the oldest
    /// change; the page's <c>lastSeq</c> is saved with the last batch of the page. An expired position starts a full read.
    /// </summary>
    private async IAsyncEnumerable<ReadBatch> FollowChangesAsync(CustompmsCollection collection, CustompmsCursor state, ConnectorCursor saved,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var since = state.Seq;
        while (true)
        {
            var (reply, failure) = await ChangesAsync(since, ct);
            if (reply is { Status: HttpStatusCode.Gone })
            {
                _logger.LogWarning("custompms {Datatype}: change-log position {Since} has expired ({Code}); reading everything again. "
                    + "Records deleted while it was expired cannot be seen as deletions", collection.Datatype, since, reply.ErrorCode);
                await foreach (var batch in FullReadAsync(collection, saved, ct))
                {
                    yield return batch;
                }
                yield break;
            }
            var page = reply is { Succeeded: true } ? ChangePage.From(reply.Body) : null;
            if (page is null)
            {
                failure ??= reply!.Succeeded ? Failures.Malformed(reply, "read the change log", "a change page")
                    : Failures.From(reply, _guard, "read the change log");
                yield return ReadBatch.Failed(failure, saved);
                yield break;
            }
            if (page.Unreadable > 0)
            {
                _logger.LogWarning("custompms: {Count} change-log entries after {Since} do not fit the contract and were skipped", page.Unreadable, since);
            }
            var after = new CustompmsCursor(page.LastSeq, null).ToConnectorCursor();
            var mine = page.Changes.Where(c => c.Collection == collection.Path).ToList();
            if (mine.Count > 0)
            {
                await foreach (var batch in ApplyAsync(collection, mine, saved, after, ct))
                {
                    yield return batch;
                    if (batch.Stopped is not null)
                    {
                        yield break;
                    }
                }
                saved = after;
            }
            else if (page.LastSeq != since)
            {
                saved = after;
                yield return new ReadBatch([], [], saved);
            }
            if (page.Count < _options.ChangeLimit || page.LastSeq <= since)
            {
                yield break;
            }
            since = page.LastSeq;
        }
    }

    private async Task<(ApiReply? Reply, Failure? Failure)> ChangesAsync(long since, CancellationToken ct)
    {
        try
        {
            return (await _api.ChangesAsync(since, _options.ChangeLimit, ct), null);
        }
        catch (Exception e) when (Failures.IsNetwork(e, ct))
        {
            return (null, Failures.Unreachable(e, "read the change log"));
        }
    }

    /// <summary>
    /// The records one change page names: the last entry per id decides. Upserted records are listed from the oldest
    /// entry's time (less the overlap), so a burst of changes costs a page per <see cref="CustompmsOptions.PageSize"/>
    /// records rather than a call each; any the listing did not turn up (edited again and moved past the pages read,
    /// or stamped oddly) are fetched one by one, and one that is gone by then is reported deleted.
    /// </summary>
    private async IAsyncEnumerable<ReadBatch> ApplyAsync(CustompmsCollection collection, List<ChangeEntry> entries, ConnectorCursor saved,
        ConnectorCursor after, [EnumeratorCancellation] CancellationToken ct)
    {
        var latest = new Dictionary<string, ChangeEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            latest[entry.Id] = entry;
        }
        var records = latest.Values.Where(e => e.Deleted).Select(e => RecordReader.Deleted(e.Id, e.At)).ToList();
        var problems = new List<ReadProblem>();
        var pending = latest.Values.Where(e => !e.Deleted).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var oldest = latest.Values.Where(e => !e.Deleted && e.At is not null).Min(e => e.At);
        var position = oldest is { } from ? ListingPosition.From(from - _options.ChangeOverlap) : null;
        // Enough pages for the changed records plus a little; beyond that, fetching the rest one by one is cheaper.
        for (var budget = pending.Count / _options.PageSize + 2; position is not null && pending.Count > 0 && budget > 0; budget--)
        {
            var (items, more, failure) = await ListPageAsync(collection, position, ct);
            if (failure is not null)
            {
                yield return ReadBatch.Failed(failure, saved);
                yield break;
            }
            var (fresh, next) = position.Advance(items!);
            var ours = fresh.Where(i => RecordReader.IdOf(i) is { } id && pending.Remove(id)).ToList();
            var (read, bad) = ReadAll(collection, ours);
            records.AddRange(read);
            problems.AddRange(bad);
            position = more && items!.Count > 0 ? next : null;
        }
        foreach (var id in pending)
        {
            var (record, problem, failure) = await FetchAsync(collection, id, ct);
            if (failure is not null)
            {
                yield return ReadBatch.Failed(failure, saved);
                yield break;
            }
            if (record is not null)
            {
                records.Add(record);
            }
            else
            {
                problems.Add(problem!);
            }
        }
        yield return new ReadBatch(records, problems, after);
    }

    /// <summary>One record by id; a record that is gone is returned deleted.</summary>
    private async Task<(ConnectorRecord? Record, ReadProblem? Problem, Failure? Failure)> FetchAsync(CustompmsCollection collection, string id,
        CancellationToken ct)
    {
        var what = $"get {collection.Datatype} {id}";
        try
        {
            var reply = await _api.GetAsync(collection.Path, id, ct);
            if (reply.Status == HttpStatusCode.NotFound)
            {
                return (RecordReader.Deleted(id, null), null, null);
            }
            if (!reply.Succeeded)
            {
                return (null, null, Failures.From(reply, _guard, what));
            }
            var (records, problems) = ReadAll(collection, [reply.Body]);
            return (records.FirstOrDefault(), problems.FirstOrDefault(), null);
        }
        catch (Exception e) when (Failures.IsNetwork(e, ct))
        {
            return (null, null, Failures.Unreachable(e, what));
        }
    }
}
