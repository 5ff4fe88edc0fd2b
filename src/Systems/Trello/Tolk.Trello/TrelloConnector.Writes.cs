using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Trello.Internal;

namespace Tolk.Trello;

public sealed partial class TrelloConnector
{
    /// <inheritdoc />
    /// <remarks>
    /// organization: <c>POST /organizations</c> (displayName required; Trello normalises and uniquifies <c>name</c>);
    /// action: <c>POST /cards/{card}/actions/comments?text=</c> on the action card, which is created (with its board and
    /// list) on first use. Trello has no idempotency keys: a repeat of an intent this connector carried out returns the
    /// first record, and an answer lost on the way (or a 5xx) is looked for among the records created since it was sent.
    /// </remarks>
    public async Task<WriteOutcome> CreateAsync(string datatype, CreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (TrelloDatatypes.Find(datatype) is not { } type || !type.Capabilities.HasFlag(Capabilities.Create))
        {
            return Unsupported(datatype, "create");
        }
        var what = $"create {datatype}";
        var (fields, invalid) = WriteFields.From(type, request.Properties, what);
        if (invalid is not null)
        {
            return TrelloFailures.Write(invalid);
        }
        if (datatype == TrelloDatatypes.Organization && !fields!.Any(f => f.Name == "displayName" && !string.IsNullOrWhiteSpace(f.Value)))
        {
            return WriteOutcome.Fail(FailureKind.Rejected, $"{what}: displayName is required (the workspace's name as people see it)", "displayName");
        }
        var (earlier, _) = await EarlierCreateAsync(type, request, cancellationToken);
        if (earlier is not null)
        {
            return WriteOutcome.Ok(earlier);
        }
        for (var attempt = 0; ; attempt++)
        {
            var (path, card, failure) = await CreatePathAsync(type, cancellationToken);
            if (path is null)
            {
                return TrelloFailures.Write(failure!);
            }
            _ledger.Sending(datatype, request.IdempotencyKey);
            TrelloReply reply;
            try
            {
                reply = await _api.WriteAsync(HttpMethod.Post, path, fields!, cancellationToken);
            }
            catch (Exception e) when (TrelloFailures.IsNetwork(e, cancellationToken))
            {
                _logger.LogWarning("trello {Datatype}: no answer to a create ({Error}); looking for the record among recent ones", datatype, e.Message);
                return await RecoverAsync(type, request, TrelloFailures.Unreachable(e, what), cancellationToken);
            }
            if ((int)reply.Status >= 500)
            {
                // A POST is not retried on a 5xx (it may have been carried out): look before reporting it as not made.
                return await RecoverAsync(type, request, TrelloFailures.From(reply, _api.Guard, what), cancellationToken);
            }
            if (reply.Status == HttpStatusCode.NotFound && card is not null && attempt == 0)
            {
                _logger.LogWarning("trello: the action card {Card} is gone; finding or creating it again", card);
                _card.Forget(card);
                continue;
            }
            if (!reply.Succeeded)
            {
                _ledger.Refused(datatype, request.IdempotencyKey);
            }
            return Written(type, reply, what, request.IdempotencyKey);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>PUT /members/{id}</c> (fullName, initials, username, bio), <c>PUT /organizations/{id}</c> (name, displayName,
    /// desc, website) or <c>PUT /actions/{id}?text=</c> (comments only, and only their author's), fields as query parameters.
    /// </remarks>
    public async Task<WriteOutcome> UpdateAsync(string datatype, string id, JsonObject changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(id);
        if (TrelloDatatypes.Find(datatype) is not { } type || !type.Capabilities.HasFlag(Capabilities.Update))
        {
            return Unsupported(datatype, "update");
        }
        var what = $"update {datatype} {id}";
        var (fields, invalid) = WriteFields.From(type, changes, what);
        if (invalid is not null)
        {
            return TrelloFailures.Write(invalid);
        }
        return await SendAsync(type, HttpMethod.Put, RecordPath(type, id), fields!, what, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>DELETE /organizations/{id}</c> or <c>DELETE /actions/{id}</c> (comments); Trello answers <c>{"_value":null}</c>,
    /// so the outcome's record is the id marked deleted. Members cannot be deleted through the API.
    /// </remarks>
    public async Task<WriteOutcome> DeleteAsync(string datatype, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (TrelloDatatypes.Find(datatype) is not { } type || !type.Capabilities.HasFlag(Capabilities.Delete))
        {
            return Unsupported(datatype, "delete");
        }
        var outcome = await SendAsync(type, HttpMethod.Delete, RecordPath(type, id), [], $"delete {datatype} {id}", cancellationToken);
        return outcome.Succeeded ? WriteOutcome.Ok(RecordReader.Deleted(id)) : outcome;
    }

    private async Task<WriteOutcome> SendAsync(TrelloDatatype type, HttpMethod method, string path, IReadOnlyList<(string, string)> fields,
        string what, CancellationToken ct)
    {
        try
        {
            var reply = await _api.WriteAsync(method, path, fields, ct);
            return method == HttpMethod.Delete && reply.Succeeded ? new WriteOutcome(null, null) : Written(type, reply, what, null);
        }
        catch (Exception e) when (TrelloFailures.IsNetwork(e, ct))
        {
            return TrelloFailures.Write(TrelloFailures.Unreachable(e, what));
        }
    }

    private WriteOutcome Written(TrelloDatatype type, TrelloReply reply, string what, string? idempotencyKey)
    {
        if (!reply.Succeeded)
        {
            return TrelloFailures.Write(TrelloFailures.From(reply, _api.Guard, what));
        }
        var (record, problem) = RecordReader.Read(type, reply.Json);
        if (record is null)
        {
            return WriteOutcome.Fail(FailureKind.Unavailable,
                $"{what}: Trello answered {(int)reply.Status} with a record that breaks the API's shape: {problem!.Message}", problem.Field);
        }
        if (idempotencyKey is not null)
        {
            _ledger.Created(type.Name, idempotencyKey, record.Id);
        }
        return WriteOutcome.Ok(record);
    }

    // Where a create goes: the workspaces, or the comments of the action card (found or created first).
    private async Task<(string? Path, string? Card, Failure? Failure)> CreatePathAsync(TrelloDatatype type, CancellationToken ct)
    {
        if (type.Name != TrelloDatatypes.Action)
        {
            return ("organizations", null, null);
        }
        var (card, failure) = await _card.FindOrCreateAsync(ct);
        return card is null
            ? (null, null, failure ?? new Failure(FailureKind.Unavailable, $"create action: the action card ({_options.ActionCard}) could not be found or created"))
            : ($"cards/{card}/actions/comments", card, null);
    }

    private static string RecordPath(TrelloDatatype type, string id) => type.Name switch
    {
        TrelloDatatypes.Member => $"members/{Uri.EscapeDataString(id)}",
        TrelloDatatypes.Organization => $"organizations/{Uri.EscapeDataString(id)}",
        _ => $"actions/{Uri.EscapeDataString(id)}",
    };
}
