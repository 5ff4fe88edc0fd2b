using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;

namespace Tolk.Trello.Internal;

/// <summary>
/// Reads the comments of the action card through Trello's change feed, its actions. A full read lists the card's
/// <c>commentCard</c> actions; later reads ask for <c>commentCard,updateComment,deleteComment</c> since the newest
/// action read: new comments come as they are, an edited one is read again (ten to a batch), a deleted one arrives
/// as deleted. Listings come newest first and page with <c>before</c>.
/// </summary>
internal sealed class CommentReader(TrelloApiClient api, ActionCardResolver card, int pageSize, ILogger logger)
{
    private const string FullFilter = RecordReader.CommentType;
    private const string ChangeFilter = RecordReader.CommentType + ",updateComment,deleteComment";

    public async IAsyncEnumerable<ReadBatch> ReadAsync(ActionCursor state, ConnectorCursor saved,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (state.Card is null)
        {
            var (found, failure) = await card.FindAsync(ct);
            if (failure is not null)
            {
                yield return ReadBatch.Failed(failure, saved);
                yield break;
            }
            state = state with { Card = found, Since = null, Top = null, Before = null };
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lookedAgain = false;
        while (state.Card is { } cardId)
        {
            var route = TrelloApiClient.Path($"cards/{cardId}/actions", [.. Query(state)]);
            var (reply, unreachable) = await Calls.TryAsync(() => api.GetAsync(route, ct), "list the comments of the action card", ct);
            if (unreachable is null && reply!.Status is HttpStatusCode.NotFound && !lookedAgain)
            {
                // The card was deleted (and its comments with it): look for a card of that name again, from the start.
                logger.LogWarning("trello: the action card {Card} is gone; looking for it again by name", cardId);
                card.Forget(cardId);
                var (found, failure) = await card.FindAsync(ct);
                if (failure is not null)
                {
                    yield return ReadBatch.Failed(failure, saved);
                    yield break;
                }
                (state, lookedAgain) = (state with { Card = found, Since = null, Top = null, Before = null }, true);
                continue;
            }
            if (unreachable is not null || !reply!.Succeeded || reply.Array is null)
            {
                yield return ReadBatch.Failed(unreachable ?? Calls.Failure(reply!, api, "list the comments of the action card", "a list of actions"), saved);
                yield break;
            }
            var page = reply.Array;
            var (records, problems, edited) = Take(page, full: state.Since is null, seen);
            var fetchFailure = await ReadEditedAsync(edited, records, problems, ct);
            if (fetchFailure is not null)
            {
                yield return ReadBatch.Failed(fetchFailure, saved);
                yield break;
            }
            var newest = state.Top ?? IdOf(page.FirstOrDefault());
            var more = page.Count >= pageSize && IdOf(page[^1]) is not null;
            state = more ? state with { Top = newest, Before = IdOf(page[^1]) } : state with { Since = newest ?? state.Since, Top = null, Before = null };
            saved = state.ToConnectorCursor();
            yield return new ReadBatch(records, problems, saved);
            if (!more)
            {
                yield break;
            }
        }
        yield return new ReadBatch([], [], (state with { Card = null }).ToConnectorCursor());
    }

    private IEnumerable<(string, string)> Query(ActionCursor state)
    {
        yield return ("filter", state.Since is null ? FullFilter : ChangeFilter);
        yield return ("limit", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (state.Since is { } since)
        {
            yield return ("since", since);
        }
        if (state.Before is { } before)
        {
            yield return ("before", before);
        }
    }

    // Comments as they are now; deletions as deleted records; edits as ids to read again (unless the comment itself is
    // in this read, which already shows the edit). `seen` spans the whole read: a comment counts once.
    private static (List<ConnectorRecord> Records, List<ReadProblem> Problems, List<string> Edited) Take(JsonArray page, bool full, HashSet<string> seen)
    {
        var records = new List<ConnectorRecord>();
        var problems = new List<ReadProblem>();
        var edited = new List<string>();
        foreach (var item in page)
        {
            var type = item?["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
            if (type == RecordReader.CommentType || full)
            {
                var (record, problem) = RecordReader.Read(TrelloDatatypes.ActionType, item);
                if (record is not null && seen.Add(record.Id))
                {
                    records.Add(record);
                }
                else if (problem is not null)
                {
                    problems.Add(problem);
                }
                continue;
            }
            var target = item?["data"]?["action"]?["id"];
            if (!RecordReader.IsId(target))
            {
                problems.Add(new ReadProblem(IdOf(item), "data.action.id", $"a {type} action must name the comment it changed, not {target?.ToJsonString() ?? "null"}"));
                continue;
            }
            var id = (string)target!;
            if (type == "deleteComment" && seen.Add(id))
            {
                records.Add(RecordReader.Deleted(id, Context(item!), RecordReader.Timestamp(item!["date"])));
            }
            else if (type == "updateComment" && !seen.Contains(id) && !edited.Contains(id))
            {
                edited.Add(id);
            }
        }
        edited.RemoveAll(seen.Contains);
        seen.UnionWith(edited);
        return (records, problems, edited);
    }

    // Adds the edited comments as they are now to `records` (a malformed one to `problems`).
    private async Task<Failure?> ReadEditedAsync(List<string> ids, List<ConnectorRecord> records, List<ReadProblem> problems,
        CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(TrelloApiClient.MaxBatch))
        {
            var (batch, unreachable) = await Calls.TryAsync(() => api.BatchAsync([.. chunk.Select(id => $"actions/{id}")], ct), "read edited comments", ct);
            if (unreachable is not null || batch!.Items is null)
            {
                return unreachable ?? Calls.Failure(batch!.Reply, api, "read edited comments", "a batch answer");
            }
            for (var i = 0; i < chunk.Length; i++)
            {
                var reply = batch.Items[i];
                if (reply.Status == HttpStatusCode.NotFound)
                {
                    records.Add(RecordReader.Deleted(chunk[i], new JsonObject { ["type"] = RecordReader.CommentType }));
                    continue;
                }
                if (!reply.Succeeded)
                {
                    return TrelloFailures.From(reply, api.Guard, $"read comment {chunk[i]}");
                }
                var (record, problem) = RecordReader.Read(TrelloDatatypes.ActionType, reply.Json);
                if (record is not null)
                {
                    records.Add(record);
                }
                else
                {
                    problems.Add(problem! with { RecordId = problem.RecordId ?? chunk[i] });
                }
            }
        }
        return null;
    }

    // What a deleteComment action tells of the comment: where it was.
    private static JsonObject Context(JsonNode action)
    {
        var data = new JsonObject();
        foreach (var name in (string[])["card", "board", "list"])
        {
            if (action["data"]?[name]?["id"] is { } id && RecordReader.IsId(id))
            {
                data[name] = (string)id!;
            }
        }
        return new JsonObject { ["type"] = RecordReader.CommentType, ["data"] = data };
    }

    private static string? IdOf(JsonNode? item) => RecordReader.IsId(item?["id"]) ? (string)item!["id"]! : null;
}
