using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Customerp.Internal;

namespace Tolk.Customerp;

public sealed partial class CustomerpConnector
{
    /// <inheritdoc />
    /// <remarks>
    /// Sent with <c>Idempotency-Key</c> = the request's key, so the shared retry handler may repeat it and the API
    /// answers a repeat with the first result. When no answer comes at all, the record is looked up among recent ones.
    /// </remarks>
    public async Task<WriteOutcome> CreateAsync(string datatype, CreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CustomerpCollections.Find(datatype) is not { } collection)
        {
            return Unsupported(datatype);
        }
        try
        {
            var reply = await _api.CreateAsync(collection.Path, request.Properties, IdempotencyKeys.For(request.IdempotencyKey), cancellationToken);
            return Written(collection, reply, $"create {datatype}");
        }
        catch (Exception e) when (Failures.IsNetwork(e, cancellationToken))
        {
            _logger.LogWarning("customerp {Datatype}: no answer to a create ({Error}); looking for the record among recent ones", datatype, e.Message);
            var (found, failure) = await LookUpCreatedAsync(collection, request, cancellationToken);
            return found is not null ? WriteOutcome.Ok(found) : Failures.Write(failure ?? Failures.Unreachable(e, $"create {datatype}"));
        }
    }

    /// <inheritdoc />
    /// <remarks>A JSON merge patch with If-Match from the version last read; a 412 re-reads the record and reports a conflict.</remarks>
    public async Task<WriteOutcome> UpdateAsync(string datatype, string id, JsonObject changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (CustomerpCollections.Find(datatype) is not { } collection)
        {
            return Unsupported(datatype);
        }
        var what = $"update {datatype} {id}";
        try
        {
            var reply = await _api.PatchAsync(collection.Path, id, changes, KnownVersion(datatype, id), cancellationToken);
            return reply.Status == HttpStatusCode.PreconditionFailed
                ? await ConflictAsync(collection, id, what, cancellationToken)
                : Written(collection, reply, what);
        }
        catch (Exception e) when (Failures.IsNetwork(e, cancellationToken))
        {
            return Failures.Write(Failures.Unreachable(e, what));
        }
    }

    /// <inheritdoc />
    /// <remarks>Customerp deletes softly: the record keeps its fields and <c>deleted_at</c>, and is returned as deleted.</remarks>
    public async Task<WriteOutcome> DeleteAsync(string datatype, string id, CancellationToken cancellationToken)
    {
        if (CustomerpCollections.Find(datatype) is not { } collection)
        {
            return Unsupported(datatype);
        }
        var what = $"delete {datatype} {id}";
        try
        {
            var reply = await _api.DeleteAsync(collection.Path, id, KnownVersion(datatype, id), cancellationToken);
            if (reply.Status == HttpStatusCode.PreconditionFailed)
            {
                return await ConflictAsync(collection, id, what, cancellationToken);
            }
            if (!reply.Succeeded)
            {
                return Failures.Write(Failures.From(reply, _guard, what));
            }
            _versions.TryRemove((datatype, id), out _);
            // The deleted record as the API keeps it; the delete stands even if this read fails.
            var after = await _api.GetAsync(collection.Path, id, cancellationToken);
            return after.Succeeded && RecordReader.Read(collection, after.Body).Record is { } record ? WriteOutcome.Ok(record) : new WriteOutcome(null, null);
        }
        catch (Exception e) when (Failures.IsNetwork(e, cancellationToken))
        {
            return Failures.Write(Failures.Unreachable(e, what));
        }
    }

    private WriteOutcome Written(CustomerpCollection collection, ApiReply reply, string what)
    {
        if (!reply.Succeeded)
        {
            return Failures.Write(Failures.From(reply, _guard, what));
        }
        var (record, problem, version) = RecordReader.Read(collection, reply.Body);
        if (record is null)
        {
            return WriteOutcome.Fail(FailureKind.Unavailable, $"{what}: the API answered {(int)reply.Status} with a record that breaks the contract: {problem!.Message}");
        }
        Remember(collection.Datatype, record.Id, version ?? reply.Version);
        return WriteOutcome.Ok(record);
    }

    /// <summary>After a 412: learns the current version (so a retry can go ahead knowingly) and reports the conflict.</summary>
    private async Task<WriteOutcome> ConflictAsync(CustomerpCollection collection, string id, string what, CancellationToken ct)
    {
        var current = await _api.GetAsync(collection.Path, id, ct);
        var (record, _, version) = current.Succeeded ? RecordReader.Read(collection, current.Body) : default;
        Remember(collection.Datatype, id, version);
        return WriteOutcome.Fail(FailureKind.Conflict,
            $"{what}: the record changed since it was last read (now version {version?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}); read it again and retry",
            retryAfter: null) with { Record = record };
    }

    private long? KnownVersion(string datatype, string id) => _versions.TryGetValue((datatype, id), out var v) ? v : null;

    private static WriteOutcome Unsupported(string datatype) =>
        WriteOutcome.Fail(FailureKind.NotSupported, $"customerp has no datatype '{datatype}'");
}
