using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;

namespace Tolk.Trello.Internal;

/// <summary>
/// Finds the card whose comments are the <c>action</c> datatype by its board, list and card names, and for writes
/// creates whatever of the three is missing. Two calls find it (the token's member and boards in one batch, then the
/// board's lists and cards in another); the answer is kept until the card turns out to be gone. Resolution is
/// serialised, so two concurrent first writes do not create two boards.
/// </summary>
internal sealed class ActionCardResolver(TrelloApiClient api, TrelloCardLocation location, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile string? _card;
    private volatile string? _me;

    /// <summary>The card's id when it has been found.</summary>
    public string? Known => _card;

    /// <summary>Forgets <paramref name="card"/> after Trello said it is not there.</summary>
    public void Forget(string card)
    {
        if (_card == card)
        {
            _card = null;
        }
    }

    /// <summary>The card's id, or null when it does not exist (yet).</summary>
    public Task<(string? Card, Failure? Failure)> FindAsync(CancellationToken ct) => ResolveAsync(create: false, ct);

    /// <summary>The card's id, creating the board, list and card as needed.</summary>
    public Task<(string? Card, Failure? Failure)> FindOrCreateAsync(CancellationToken ct) => ResolveAsync(create: true, ct);

    /// <summary>The id of the token's member (the author of the connector's comments).</summary>
    public async Task<(string? Member, Failure? Failure)> MeAsync(CancellationToken ct)
    {
        if (_me is { } me)
        {
            return (me, null);
        }
        var (reply, unreachable) = await Calls.TryAsync(() => api.GetAsync(TrelloApiClient.Path("members/me", ("fields", "id")), ct), "read the token's member", ct);
        if (unreachable is not null || !reply!.Succeeded || !RecordReader.IsId(reply.Object?["id"]))
        {
            return (null, unreachable ?? Calls.Failure(reply!, api, "read the token's member", "a member"));
        }
        _me = (string)reply.Object!["id"]!;
        return (_me, null);
    }

    public void Dispose() => _lock.Dispose();

    private async Task<(string? Card, Failure? Failure)> ResolveAsync(bool create, CancellationToken ct)
    {
        if (_card is { } known)
        {
            return (known, null);
        }
        await _lock.WaitAsync(ct);
        try
        {
            if (_card is { } found)
            {
                return (found, null);
            }
            var (card, failure) = await LocateAsync(create, ct);
            _card = card;
            return (card, failure);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<(string? Card, Failure? Failure)> LocateAsync(bool create, CancellationToken ct)
    {
        var what = $"find the action card ({location})";
        var (first, failure) = await BatchAsync(
            [TrelloApiClient.Path("members/me", ("fields", "id")), TrelloApiClient.Path("members/me/boards", ("filter", "open"), ("fields", "name"))], what, ct);
        if (failure is not null)
        {
            return (null, failure);
        }
        if (RecordReader.IsId(first![0].Object?["id"]))
        {
            _me = (string)first[0].Object!["id"]!;
        }
        if (first[1].Array is not { } boards)
        {
            return (null, Calls.Failure(first[1], api, what, "a list of boards"));
        }
        var board = Oldest(boards, b => Named(b, location.Board));
        if (board is null)
        {
            if (!create)
            {
                return (null, null);
            }
            var boardFields = new List<(string, string)> { ("name", location.Board), ("defaultLists", "false") };
            if (location.Organization is { } org)
            {
                boardFields.Add(("idOrganization", org));
            }
            (board, failure) = await CreateAsync("boards", boardFields, "board", ct);
            if (board is null)
            {
                return (null, failure);
            }
        }
        var (contents, listFailure) = await BatchAsync(
        [
            TrelloApiClient.Path($"boards/{board}/lists", ("filter", "open"), ("fields", "name")),
            TrelloApiClient.Path($"boards/{board}/cards", ("filter", "open"), ("fields", "name,idList")),
        ], what, ct);
        if (listFailure is not null || contents![0].Array is not { } lists || contents[1].Array is not { } cards)
        {
            return (null, listFailure ?? Calls.Failure(contents![0].Array is null ? contents[0] : contents[1], api, what, "a list"));
        }
        var list = Oldest(lists, l => Named(l, location.List));
        if (list is null)
        {
            if (!create)
            {
                return (null, null);
            }
            (list, failure) = await CreateAsync("lists", [("name", location.List), ("idBoard", board), ("pos", "bottom")], "list", ct);
            if (list is null)
            {
                return (null, failure);
            }
        }
        var card = Oldest(cards, c => Named(c, location.Card) && c["idList"] is JsonValue l && l.TryGetValue<string>(out var id) && id == list);
        if (card is null && create)
        {
            (card, failure) = await CreateAsync("cards", [("name", location.Card), ("idList", list), ("pos", "top")], "card", ct);
        }
        return (card, failure);
    }

    private async Task<(string? Id, Failure? Failure)> CreateAsync(string path, IReadOnlyList<(string, string)> fields, string kind, CancellationToken ct)
    {
        var what = $"create the {kind} of the action card ({location})";
        var (reply, unreachable) = await Calls.TryAsync(() => api.WriteAsync(HttpMethod.Post, path, fields, ct), what, ct);
        if (unreachable is not null || !reply!.Succeeded || !RecordReader.IsId(reply.Object?["id"]))
        {
            // A lost answer may have created it after all: the next resolution finds it by name instead of making another.
            return (null, unreachable ?? Calls.Failure(reply!, api, what, $"a {kind}"));
        }
        var id = (string)reply.Object!["id"]!;
        logger.LogInformation("trello: created the {Kind} {Id} of the action card ({Location})", kind, id, location.ToString());
        return (id, null);
    }

    private async Task<(IReadOnlyList<TrelloReply>? Items, Failure? Failure)> BatchAsync(IReadOnlyList<string> routes, string what, CancellationToken ct)
    {
        var (batch, unreachable) = await Calls.TryAsync(() => api.BatchAsync(routes, ct), what, ct);
        if (unreachable is not null)
        {
            return (null, unreachable);
        }
        if (batch!.Items is null)
        {
            return (null, Calls.Failure(batch.Reply, api, what, "a batch answer"));
        }
        var failed = batch.Items.FirstOrDefault(i => !i.Succeeded);
        return failed is null ? (batch.Items, null) : (null, TrelloFailures.From(failed, api.Guard, what));
    }

    private static bool Named(JsonObject item, string name) => item["name"] is JsonValue v && v.TryGetValue<string>(out var s) && s == name;

    // Ids start with their creation time, so the smallest id is the oldest.
    private static string? Oldest(JsonArray items, Func<JsonObject, bool> match) =>
        items.OfType<JsonObject>().Where(o => RecordReader.IsId(o["id"]) && match(o)).Select(o => (string)o["id"]!)
            .Order(StringComparer.Ordinal).FirstOrDefault();
}
