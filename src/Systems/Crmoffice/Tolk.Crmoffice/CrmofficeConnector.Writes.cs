using System.Text.Json.Nodes;
using Polly.Timeout;
using Tolk.Connectors;
using Tolk.Crmoffice.Internal;

namespace Tolk.Crmoffice;

public sealed partial class CrmofficeConnector
{
    /// <inheritdoc />
    /// <remarks>
    /// Crmoffice has no idempotency key, so a create whose answer was lost (connection dropped, attempt timed out) is
    /// looked up among the records created since just before it (see <see cref="FindCreatedAsync"/>) instead of being
    /// posted again.
    /// </remarks>
    public async Task<WriteOutcome> CreateAsync(string datatype, CreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = Datatype(datatype);
        if (!type.Capabilities.HasFlag(Capabilities.Create))
        {
            return NotSupported(type, "created");
        }
        var startedAt = _time.GetUtcNow();
        try
        {
            var outcome = Outcome(type, await _api.CreateAsync(type.Collection, request.Properties, cancellationToken));
            // A 5xx on a POST is not retried (it may have been applied): check before telling the caller to create again.
            return outcome.Failure is { Kind: FailureKind.Unavailable }
                && await LookUpCreatedAsync(type, request, startedAt, cancellationToken) is { } applied
                ? WriteOutcome.Ok(applied)
                : outcome;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            var found = await LookUpCreatedAsync(type, request, startedAt, cancellationToken);
            return found is not null
                ? WriteOutcome.Ok(found)
                : WriteOutcome.Fail(FailureKind.Unavailable, $"the create's answer was lost ({e.Message}) and no such {type.Name} was found; look again with FindCreatedAsync before creating it anew");
        }
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> UpdateAsync(string datatype, string id, JsonObject changes, CancellationToken cancellationToken)
    {
        var type = Datatype(datatype);
        if (!type.Capabilities.HasFlag(Capabilities.Update))
        {
            return NotSupported(type, "updated");
        }
        // PUT takes the changed fields only; absent fields stay as they are.
        return Outcome(type, await _api.UpdateAsync(type.Collection, id, changes, cancellationToken));
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> DeleteAsync(string datatype, string id, CancellationToken cancellationToken)
    {
        var type = Datatype(datatype);
        if (!type.Capabilities.HasFlag(Capabilities.Delete))
        {
            return NotSupported(type, "deleted");
        }
        var result = await _api.DeleteAsync(type.Collection, id, cancellationToken);
        return result.Failure is { } failure
            ? new WriteOutcome(null, failure)
            : WriteOutcome.Ok(new ConnectorRecord(id, [], _time.GetUtcNow(), Deleted: true));
    }

    /// <inheritdoc />
    public async Task<ConnectorRecord?> FindCreatedAsync(string datatype, CreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = Datatype(datatype);
        return type.Capabilities.HasFlag(Capabilities.Create)
            ? await LookUpCreatedAsync(type, request, _time.GetUtcNow() - _options.RecentCreationWindow, cancellationToken)
            : null;
    }

    // The records updated since just before the create, newest first, matched on the merge-key fields when the
    // request names them, else on every field it sent. Only records created in that span count, so an older namesake
    // a person made is never taken for ours.
    private async Task<ConnectorRecord?> LookUpCreatedAsync(CrmDatatype type, CreateRequest request, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = since - _options.OverlapWindow;
        var pageSize = Math.Clamp(_options.PageSize, 1, 250);
        ConnectorRecord? found = null;
        for (var offset = 0; ; offset += pageSize)
        {
            var page = await _api.ListAsync(type.Collection, offset, pageSize, from, cancellationToken);
            if (page.Failure is not null || page.Value!.Items is not { Count: > 0 } items)
            {
                return found;
            }
            foreach (var item in items.Select(i => RecordReader.Read(type, i)).Where(i => i.Record is not null))
            {
                if (CreateMatch.IsMatch(item.Record!, request, from))
                {
                    found = item.Record; // ordered by updatedAt: the last match is the newest
                }
            }
            if (offset + items.Count >= page.Value.Total)
            {
                return found;
            }
        }
    }

    private static WriteOutcome Outcome(CrmDatatype type, ApiResult<JsonObject> result)
    {
        if (result.Failure is { } failure)
        {
            return new WriteOutcome(null, failure);
        }
        var item = RecordReader.Read(type, result.Value);
        return item.Record is { } record
            ? WriteOutcome.Ok(record)
            : WriteOutcome.Fail(FailureKind.Unavailable, $"crmoffice answered with a malformed {type.Name}: {item.Problem!.Message}", item.Problem.Field);
    }

    private static WriteOutcome NotSupported(CrmDatatype type, string verb) =>
        WriteOutcome.Fail(FailureKind.NotSupported, $"crmoffice {type.Collection} cannot be {verb} through the API");
}
