using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Tidsbanken.Internal;

namespace Tolk.Tidsbanken;

/// <summary>Writes: inserts with a client-chosen key, updates as arrays with the key inside, delete or its stand-in.</summary>
public sealed partial class TidsbankenConnector
{
    private const int CreateAttempts = 3;

    /// <inheritdoc />
    public async Task<WriteOutcome> CreateAsync(string datatype, CreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = TypeOf(datatype);
        var given = WriteBodies.GivenKey(type, request.Properties);
        var body = WriteBodies.ForInsert(request.Properties);
        Failure? lastFailure = null;
        for (var attempt = 0; attempt < CreateAttempts; attempt++)
        {
            var (key, keyFailure) = given is not null ? (given, null)
                : type.IntegerKey ? await NextFreeIdAsync(type, cancellationToken)
                : (WriteBodies.DerivedKey(request.IdempotencyKey), null);
            if (keyFailure is not null)
            {
                return new WriteOutcome(null, keyFailure);
            }
            body[EntityType.Key] = WriteBodies.KeyValue(type, key!);
            var operation = $"POST {type.InsertPath}";
            ApiReply reply;
            try
            {
                reply = await _api.SendEntitiesAsync(HttpMethod.Post, type.InsertPath, [body], cancellationToken);
            }
            catch (Exception e) when (IsNoAnswer(e, cancellationToken))
            {
                // The insert may have been applied: the key we chose finds it; if it is not there, inserting again is safe.
                var (found, lookupFailure) = await FindOwnAsync(type, key!, request, cancellationToken);
                if (found is not null)
                {
                    return WriteOutcome.Ok(found);
                }
                lastFailure = lookupFailure ?? Failures.Unreachable(operation, e);
                continue;
            }
            if (reply.IsSuccess)
            {
                return WriteOutcome.Ok(RecordOf(type, reply.First, key!));
            }
            if (!Failures.IsKeyConflict(reply))
            {
                return new WriteOutcome(null, Failures.From(reply, operation, _guard));
            }
            // 409 on the key: an earlier attempt of this create went through, or (a chosen Ansatt number) someone took it.
            var (existing, failure) = await FindOwnAsync(type, key!, request, cancellationToken);
            if (existing is not null)
            {
                return WriteOutcome.Ok(existing);
            }
            lastFailure = failure ?? Failures.From(reply, operation, _guard);
            if (given is not null || !type.IntegerKey)
            {
                return new WriteOutcome(null, lastFailure);
            }
        }
        return new WriteOutcome(null, lastFailure);
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> UpdateAsync(string datatype, string id, JsonObject changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var type = TypeOf(datatype);
        return !ODataQuery.IsKey(type, id)
            ? WriteOutcome.Fail(FailureKind.NotFound, $"tidsbanken {type.Name} '{id}' cannot exist: Ansatt ids are numbers")
            : await PutAsync(type, WriteBodies.ForUpdate(type, id, changes), id, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> DeleteAsync(string datatype, string id, CancellationToken cancellationToken)
    {
        var type = TypeOf(datatype);
        if (!ODataQuery.IsKey(type, id))
        {
            return WriteOutcome.Fail(FailureKind.NotFound, $"tidsbanken {type.Name} '{id}' cannot exist: Ansatt ids are numbers");
        }
        JsonObject? flags = type.Remove switch
        {
            RemoveMode.Deactivate => new JsonObject { ["Aktiv"] = false, ["Sluttet"] = true },
            RemoveMode.Close => new JsonObject { ["Avsluttet"] = true },
            _ => null,
        };
        if (flags is not null)
        {
            return await PutAsync(type, WriteBodies.ForUpdate(type, id, flags), id, cancellationToken);
        }
        var path = $"{type.ListPath}({Uri.EscapeDataString(ODataQuery.KeyLiteral(type, id)).Replace("%27", "'", StringComparison.Ordinal)})";
        try
        {
            var reply = await _api.DeleteAsync(path, cancellationToken);
            return reply.IsSuccess
                ? WriteOutcome.Ok(new ConnectorRecord(id, new JsonObject { [EntityType.Key] = id }, _time.GetUtcNow(), Deleted: true))
                : new WriteOutcome(null, Failures.From(reply, $"DELETE {type.ListPath}", _guard));
        }
        catch (Exception e) when (IsNoAnswer(e, cancellationToken))
        {
            return new WriteOutcome(null, Failures.Unreachable($"DELETE {type.ListPath}", e));
        }
    }

    private async Task<WriteOutcome> PutAsync(EntityType type, JsonObject body, string id, CancellationToken ct)
    {
        var operation = $"PUT {type.UpdatePath}";
        try
        {
            var reply = await _api.SendEntitiesAsync(HttpMethod.Put, type.UpdatePath, [body], ct);
            return reply.IsSuccess
                ? WriteOutcome.Ok(RecordOf(type, reply.First, id))
                : new WriteOutcome(null, Failures.From(reply, operation, _guard));
        }
        catch (Exception e) when (IsNoAnswer(e, ct))
        {
            return new WriteOutcome(null, Failures.Unreachable(operation, e));
        }
    }

    // The chosen number for an Ansatt created without a numeric employee number: one past the highest in use.
    private async Task<(string? Key, Failure? Failure)> NextFreeIdAsync(EntityType type, CancellationToken ct)
    {
        var (page, failure) = await ListAsync(ODataQuery.Build(type.ListPath, ("$select", EntityType.Key), ("$orderby", "Id desc"), ("$top", "1")), ct);
        if (failure is not null)
        {
            return (null, failure);
        }
        var max = (page!.Count > 0 ? page[0] : null)?[EntityType.Key] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;
        return ((max + 1).ToString(global::System.Globalization.CultureInfo.InvariantCulture), null);
    }

    // A write's answer as a record shaped like a read's: only the documented fields, so reading it back hashes the same.
    private ConnectorRecord RecordOf(EntityType type, JsonNode? raw, string id)
    {
        if (raw is JsonObject entity)
        {
            var projected = new JsonObject();
            foreach (var field in type.Fields)
            {
                projected[field.Name] = entity[field.Name]?.DeepClone();
            }
            if (RecordReader.Read(type, projected, _options.ModifiedTimeCorrection).Record is { } record)
            {
                return record;
            }
        }
        return new ConnectorRecord(id, raw as JsonObject ?? new JsonObject { [EntityType.Key] = id });
    }
}
