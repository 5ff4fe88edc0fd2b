using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Customerp.Internal;
using Tolk.Customerp.Internal.Dto;

namespace Tolk.Customerp;

public sealed partial class CustomerpConnector
{
    // An expired cursor restarts the listing; more than a few restarts in one read means something else is wrong.
    private const int MaxRestarts = 3;

    // Bounds the cursor's size when a bulk edit puts many records inside the overlap window; extra re-reads are harmless.
    private const int MaxRecent = 1000;

    /// <inheritdoc />
    public async IAsyncEnumerable<ReadBatch> ReadAsync(string datatype, ConnectorCursor cursor,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (CustomerpCollections.Find(datatype) is not { } collection)
        {
            yield return ReadBatch.Failed(new Failure(FailureKind.NotSupported, $"customerp has no datatype '{datatype}'"), cursor);
            yield break;
        }
        var state = CustomerpCursor.From(cursor);
        if (state is null && !cursor.IsNone)
        {
            _logger.LogWarning("customerp {Datatype}: cursor of format {Format} is not readable; reading everything", datatype, cursor.Format);
        }
        state ??= CustomerpCursor.Start;
        var saved = cursor;
        var since = state.Next is null ? SinceFor(state.Watermark) : state.ListingSince;
        var next = state.Next;
        for (var restarts = 0; ;)
        {
            var (reply, unreachable) = await ListAsync(collection, since, next, cancellationToken);
            if (unreachable is not null)
            {
                yield return ReadBatch.Failed(unreachable, saved);
                yield break;
            }
            if (IsExpiredCursor(reply!) && next is not null && restarts++ < MaxRestarts)
            {
                _logger.LogInformation("customerp {Datatype}: list cursor expired; restarting from updated_at {Watermark}", datatype, state.Watermark);
                (since, next) = (SinceFor(state.Watermark), null);
                continue;
            }
            if (!reply!.Succeeded || ListPage.From(reply.Body) is not { } page)
            {
                var failure = reply.Succeeded
                    ? new Failure(FailureKind.Unavailable, $"list {collection.Path}: the answer is not a list page")
                    : Failures.From(reply, _guard, $"list {collection.Path}");
                yield return ReadBatch.Failed(failure, saved);
                yield break;
            }
            var (batch, after) = Take(collection, page, state, since);
            state = after;
            saved = batch.Cursor;
            yield return batch;
            if (page.NextCursor is null)
            {
                yield break;
            }
            next = page.NextCursor;
        }
    }

    private async Task<(ApiReply? Reply, Failure? Unreachable)> ListAsync(CustomerpCollection collection, string? since, string? next,
        CancellationToken ct)
    {
        try
        {
            return (await _api.ListAsync(collection.Path, _options.PageSize, since, next, ct), null);
        }
        catch (Exception e) when (Failures.IsNetwork(e, ct))
        {
            return (null, Failures.Unreachable(e, $"list {collection.Path}"));
        }
    }

    /// <summary>Reads one page into a batch, dropping records already read inside the overlap window.</summary>
    private (ReadBatch Batch, CustomerpCursor After) Take(CustomerpCollection collection, ListPage page, CustomerpCursor state, string? since)
    {
        var records = new List<ConnectorRecord>();
        var problems = new List<ReadProblem>();
        var recent = state.Recent.ToList();
        var seen = recent.Select(s => (s.Id, s.Version)).ToHashSet();
        var watermark = state.Watermark;
        foreach (var item in page.Items)
        {
            var (record, problem, version) = RecordReader.Read(collection, item);
            if (record is null)
            {
                problems.Add(problem!);
                continue;
            }
            Remember(collection.Datatype, record.Id, version);
            var id = long.Parse(record.Id, CultureInfo.InvariantCulture);
            if (!seen.Add((id, version!.Value)))
            {
                continue;
            }
            records.Add(record);
            recent.Add(new SeenVersion(id, version.Value, record.ModifiedAt!.Value));
            watermark = watermark is { } w && w >= record.ModifiedAt ? w : record.ModifiedAt;
        }
        var horizon = watermark - _options.OverlapWindow;
        var kept = recent.Where(s => s.UpdatedAt >= horizon).OrderBy(s => s.UpdatedAt).TakeLast(MaxRecent).ToList();
        var after = new CustomerpCursor(watermark, page.NextCursor is null ? null : since, page.NextCursor, kept);
        return (new ReadBatch(records, problems, after.ToConnectorCursor()), after);
    }

    /// <summary>Where a new listing starts: the overlap window before the high-water mark, or everything.</summary>
    private string? SinceFor(DateTimeOffset? watermark) =>
        watermark is { } w ? (w - _options.OverlapWindow).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : null;

    private static bool IsExpiredCursor(ApiReply reply) =>
        reply.Status == HttpStatusCode.BadRequest && reply.ProblemType == Failures.CursorExpiredType;
}
