using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Trello.Internal;

namespace Tolk.Trello;

public sealed partial class TrelloConnector
{
    // Trello stamps ids with its own clock: look a little further back than the send time, for clock skew.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    /// <remarks>
    /// A create this connector saw through is returned by its id. Otherwise Trello has no search and no idempotency
    /// keys, so the records created since the request was sent (or within <see cref="TrelloOptions.RecoveryWindow"/>
    /// after a restart) are compared with it: a workspace by its match fields, or else by every field but the
    /// <c>name</c> Trello normalises; a comment by its text and author (the token's member). The newest match wins.
    /// Members are never created by the connector, so there is nothing to find.
    /// </remarks>
    public async Task<ConnectorRecord?> FindCreatedAsync(string datatype, CreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (TrelloDatatypes.Find(datatype) is not { } type || !type.Capabilities.HasFlag(Capabilities.Create))
        {
            return null;
        }
        var (found, failure) = await EarlierCreateAsync(type, request, cancellationToken, lookUpAlways: true);
        if (failure is not null)
        {
            _logger.LogWarning("trello {Datatype}: could not look for a lost create: {Failure}", datatype, failure.Message);
        }
        return found;
    }

    /// <summary>What an earlier attempt of the same intent made: by the id the ledger kept, or by a lookup when its answer was lost.</summary>
    private async Task<(ConnectorRecord? Found, Failure? Failure)> EarlierCreateAsync(TrelloDatatype type, CreateRequest request, CancellationToken ct,
        bool lookUpAlways = false)
    {
        var entry = _ledger.Find(type.Name, request.IdempotencyKey);
        if (entry?.CreatedId is { } id)
        {
            var (record, failure) = await GetAsync(type, id, ct);
            if (record is not null || failure is not null)
            {
                return (record, failure);
            }
            // Created and deleted since: a repeat makes it again.
            return (null, null);
        }
        return entry is null && !lookUpAlways ? (null, null) : await LookUpAsync(type, request, ct);
    }

    private async Task<WriteOutcome> RecoverAsync(TrelloDatatype type, CreateRequest request, Failure failure, CancellationToken ct)
    {
        var (found, lookupFailure) = await LookUpAsync(type, request, ct);
        if (found is null)
        {
            return TrelloFailures.Write(lookupFailure is null ? failure
                : failure with { Message = $"{failure.Message}; looking for the record failed too: {lookupFailure.Message}" });
        }
        _logger.LogInformation("trello {Datatype}: the lost create made {Id}", type.Name, found.Id);
        return WriteOutcome.Ok(found);
    }

    private async Task<(ConnectorRecord? Found, Failure? Failure)> LookUpAsync(TrelloDatatype type, CreateRequest request, CancellationToken ct)
    {
        var since = _ledger.Find(type.Name, request.IdempotencyKey) is { } entry
            ? entry.SentAt - ClockSkew
            : _time.GetUtcNow() - _options.RecoveryWindow;
        var (candidates, failure) = type.Name == TrelloDatatypes.Organization
            ? await RecentOrganizationsAsync(ct)
            : await RecentCommentsAsync(since, ct);
        if (failure is not null)
        {
            return (null, failure);
        }
        var found = candidates!
            .Where(r => CreateMatch.CreatedAt(r.Id) >= since.AddSeconds(-1) && CreateMatch.Matches(type, r, request))
            .MaxBy(r => r.Id, StringComparer.Ordinal);
        if (found is not null)
        {
            _ledger.Created(type.Name, request.IdempotencyKey, found.Id);
        }
        return (found, null);
    }

    private async Task<(List<ConnectorRecord>? Records, Failure? Failure)> RecentOrganizationsAsync(CancellationToken ct)
    {
        const string what = "look for a lost organization create";
        var (reply, unreachable) = await Calls.TryAsync(() => _api.GetAsync(OrganizationReader.Route, ct), what, ct);
        if (unreachable is not null || !reply!.Succeeded || reply.Array is null)
        {
            return (null, unreachable ?? Calls.Failure(reply!, _api, what, "a list of organizations"));
        }
        return (Readable(TrelloDatatypes.OrganizationType, reply.Array), null);
    }

    // The token's member's comments on the action card since `since`.
    private async Task<(List<ConnectorRecord>? Records, Failure? Failure)> RecentCommentsAsync(DateTimeOffset since, CancellationToken ct)
    {
        const string what = "look for a lost comment";
        var (card, failure) = await _card.FindAsync(ct);
        if (card is null)
        {
            return (failure is null ? [] : null, failure);
        }
        var (me, meFailure) = await _card.MeAsync(ct);
        if (me is null)
        {
            return (null, meFailure);
        }
        var route = TrelloApiClient.Path($"cards/{card}/actions", ("filter", RecordReader.CommentType), ("limit", "1000"),
            ("since", since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
        var (reply, unreachable) = await Calls.TryAsync(() => _api.GetAsync(route, ct), what, ct);
        if (unreachable is not null || !reply!.Succeeded || reply.Array is null)
        {
            return (null, unreachable ?? Calls.Failure(reply!, _api, what, "a list of actions"));
        }
        return ([.. Readable(TrelloDatatypes.ActionType, reply.Array).Where(r => (string?)r.Properties["idMemberCreator"] == me)], null);
    }

    private async Task<(ConnectorRecord? Record, Failure? Failure)> GetAsync(TrelloDatatype type, string id, CancellationToken ct)
    {
        var what = $"read {type.Name} {id}";
        var path = type.Name == TrelloDatatypes.Action ? RecordPath(type, id) : TrelloApiClient.Path(RecordPath(type, id), ("fields", "all"));
        var (reply, unreachable) = await Calls.TryAsync(() => _api.GetAsync(path, ct), what, ct);
        if (unreachable is not null)
        {
            return (null, unreachable);
        }
        if (reply!.Status == HttpStatusCode.NotFound)
        {
            return (null, null);
        }
        var (record, problem) = reply.Succeeded ? RecordReader.Read(type, reply.Json) : default;
        return record is not null ? (record, null)
            : (null, problem is null ? TrelloFailures.From(reply, _api.Guard, what) : new Failure(FailureKind.Unavailable, $"{what}: {problem.Message}", problem.Field));
    }

    private static List<ConnectorRecord> Readable(TrelloDatatype type, JsonArray items) =>
        [.. items.Select(i => RecordReader.Read(type, i).Record).OfType<ConnectorRecord>()];
}
