using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Custompms.Internal;

namespace Tolk.Custompms;

public sealed partial class CustompmsConnector
{
    /// <inheritdoc />
    /// <remarks>
    /// Sent with <c>Idempotency-Key</c> from the request's key, so the shared retry handler may repeat it and the API
    /// answers a repeat with the first result (for 24 hours). When no answer comes at all, the record is looked for
    /// among recent ones; a later create with the same key is safe either way.
    /// </remarks>
    public async Task<WriteOutcome> CreateAsync(string datatype, CreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CustompmsCollections.Find(datatype) is not { } collection)
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
            _logger.LogWarning("custompms {Datatype}: no answer to a create ({Error}); looking for the record among recent ones", datatype, e.Message);
            var (found, failure) = await LookUpCreatedAsync(collection, request, cancellationToken);
            return found is not null ? WriteOutcome.Ok(found) : Failures.Write(failure ?? Failures.Unreachable(e, $"create {datatype}"));
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The API replaces the whole record (an omitted optional field becomes null), and has no If-Match: the record is
    /// read just before the PUT and sent back whole with only <paramref name="changes"/> applied, so a person's edit
    /// to another field since the last sync is kept rather than reverted by a stale copy. Two calls per update.
    /// </remarks>
    public async Task<WriteOutcome> UpdateAsync(string datatype, string id, JsonObject changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (CustompmsCollections.Find(datatype) is not { } collection)
        {
            return Unsupported(datatype);
        }
        var what = $"update {datatype} {id}";
        try
        {
            var current = await _api.GetAsync(collection.Path, id, cancellationToken);
            if (!current.Succeeded)
            {
                return Failures.Write(Failures.From(current, _guard, what));
            }
            if (current.Body is not JsonObject record)
            {
                return Failures.Write(Failures.Malformed(current, what, "the record"));
            }
            var replacement = (JsonObject)record.DeepClone();
            foreach (var name in CustompmsCollections.ReadOnly)
            {
                replacement.Remove(name);
            }
            foreach (var (name, value) in changes)
            {
                replacement[name] = value?.DeepClone();
            }
            return Written(collection, await _api.ReplaceAsync(collection.Path, id, replacement, cancellationToken), what);
        }
        catch (Exception e) when (Failures.IsNetwork(e, cancellationToken))
        {
            return Failures.Write(Failures.Unreachable(e, what));
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Custompms deletes hard: the record is gone, returned as deleted without fields. A customer or project that other
    /// records still refer to cannot be deleted (409, a conflict).
    /// </remarks>
    public async Task<WriteOutcome> DeleteAsync(string datatype, string id, CancellationToken cancellationToken)
    {
        if (CustompmsCollections.Find(datatype) is not { } collection)
        {
            return Unsupported(datatype);
        }
        var what = $"delete {datatype} {id}";
        try
        {
            var reply = await _api.DeleteAsync(collection.Path, id, cancellationToken);
            return reply.Succeeded
                ? WriteOutcome.Ok(RecordReader.Deleted(id, _time.GetUtcNow()))
                : Failures.Write(Failures.From(reply, _guard, what));
        }
        catch (Exception e) when (Failures.IsNetwork(e, cancellationToken))
        {
            return Failures.Write(Failures.Unreachable(e, what));
        }
    }

    /// <summary>A write's answer: the record the API returned, or the failure it stands for.</summary>
    private WriteOutcome Written(CustompmsCollection collection, ApiReply reply, string what)
    {
        if (!reply.Succeeded)
        {
            return Failures.Write(Failures.From(reply, _guard, what));
        }
        var (record, problem) = RecordReader.Read(collection, reply.Body);
        return record is not null
            ? WriteOutcome.Ok(record)
            : WriteOutcome.Fail(FailureKind.Unavailable,
                $"{what}: the API answered {(int)reply.Status} with a record that breaks the contract: {problem!.Message}");
    }
}
