using System.Text.Json.Nodes;
using Tolk.Asana.Internal.Dto;
using Tolk.Connectors;

namespace Tolk.Asana.Internal;

/// <summary>What one poll of the events endpoint found: the events, the tokens to continue from, and whether a token had expired.</summary>
internal sealed record EventPoll(IReadOnlyList<JsonObject> Events, IReadOnlyDictionary<string, string> Tokens, bool Expired, Failure? Failure);

/// <summary>
/// Asana's events with sync tokens, one stream per workspace (changes bubble up to their workspace), polled for all
/// workspaces in one batch call. A 412 answers a fresh token: the caller must then read everything and continue from it.
/// </summary>
internal sealed class EventFeed(AsanaApiClient api)
{
    /// <summary>Fresh tokens for <paramref name="workspaces"/>: asking without one answers 412 with a token at the head.</summary>
    public async Task<(Dictionary<string, string> Tokens, Failure? Failure)> FreshTokensAsync(IReadOnlyCollection<string> workspaces, CancellationToken cancellationToken)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        var list = workspaces.ToList();
        var answers = await api.RunAsync(list.Select(w => BatchAction.Get("events", null, ("resource", w))).ToList(), cancellationToken);
        for (var i = 0; i < list.Count; i++)
        {
            if (answers[i].Status is not (412 or 200) || SyncOf(answers[i]) is not { } token)
            {
                return (tokens, AsanaFailures.From(answers[i], api.Guard));
            }
            tokens[list[i]] = token;
        }
        return (tokens, null);
    }

    /// <summary>Every event since <paramref name="tokens"/>, following has_more, and the tokens after them.</summary>
    public async Task<EventPoll> PollAsync(IReadOnlyDictionary<string, string> tokens, CancellationToken cancellationToken)
    {
        var next = new Dictionary<string, string>(tokens, StringComparer.Ordinal);
        var events = new List<JsonObject>();
        var pending = tokens.Keys.ToList();
        var expired = false;
        while (pending.Count > 0)
        {
            var answers = await api.RunAsync(pending.Select(w => BatchAction.Get("events", null, ("resource", w), ("sync", next[w]))).ToList(), cancellationToken);
            var more = new List<string>();
            for (var i = 0; i < pending.Count; i++)
            {
                var answer = answers[i];
                if (answer.Status == 412 && SyncOf(answer) is { } fresh)
                {
                    expired = true;
                    next[pending[i]] = fresh;
                    continue;
                }
                if (!answer.Ok || SyncOf(answer) is not { } token)
                {
                    return new EventPoll(events, tokens, false, AsanaFailures.From(answer, api.Guard));
                }
                events.AddRange(answer.Data is JsonArray data ? data.OfType<JsonObject>() : []);
                next[pending[i]] = token;
                if (answer.Body?["has_more"] is JsonValue hasMore && hasMore.TryGetValue<bool>(out var yes) && yes)
                {
                    more.Add(pending[i]);
                }
            }
            pending = more;
        }
        return new EventPoll(events, next, expired, null);
    }

    private static string? SyncOf(AsanaResponse answer) =>
        answer.Body?["sync"] is JsonValue v && v.TryGetValue<string>(out var token) && token.Length > 0 ? token : null;
}
