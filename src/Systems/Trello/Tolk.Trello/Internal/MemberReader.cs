using System.Net;
using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Trello.Internal;

/// <summary>
/// Reads members: Trello lists them per workspace and per board only, so a read lists the workspaces of the token's
/// member (and its boards outside them), then the members of each, ten listings to a <c>GET /batch</c>. The first batch
/// also carries the listings the cursor remembers, so an unchanged read costs one call. Only what changed since the
/// cursor's fingerprints is passed on; members no longer in any listing arrive as deleted once all have been read.
/// </summary>
internal sealed class MemberReader(TrelloApiClient api)
{
    private static readonly string Organizations = TrelloApiClient.Path("members/me/organizations", ("filter", "all"), ("fields", "id"));
    private static readonly string Boards = TrelloApiClient.Path("members/me/boards", ("filter", "open"), ("fields", "idOrganization"));

    private sealed record Source(bool IsBoard, string Id)
    {
        public string Route => TrelloApiClient.Path($"{(IsBoard ? "boards" : "organizations")}/{Id}/members", ("fields", "all"));

        public override string ToString() => $"{(IsBoard ? "board" : "organization")} {Id}";
    }

    public async IAsyncEnumerable<ReadBatch> ReadAsync(ListingCursor state, ConnectorCursor saved,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var known = state.Organizations.Select(id => new Source(false, id)).Concat(state.Boards.Select(id => new Source(true, id)))
            .Take(TrelloApiClient.MaxBatch - 2).ToList();
        var (first, failure) = await BatchAsync([Organizations, Boards, .. known.Select(s => s.Route)], "list the workspaces and boards of the token's member", ct);
        var (sources, sourceFailure) = failure is null ? SourcesFrom(first![0], first[1]) : (null, null);
        if ((failure ?? sourceFailure) is { } stopped)
        {
            yield return ReadBatch.Failed(stopped, saved);
            yield break;
        }
        var diff = new ListingDiff(state.Seen);
        var pending = sources!.ToList();
        for (var i = 0; i < known.Count; i++)
        {
            if (pending.Remove(known[i]) && Add(diff, known[i], first![i + 2]) is { } bad)
            {
                yield return ReadBatch.Failed(bad, saved);
                yield break;
            }
        }
        var cursor = state with
        {
            Organizations = [.. sources!.Where(s => !s.IsBoard).Select(s => s.Id)],
            Boards = [.. sources!.Where(s => s.IsBoard).Select(s => s.Id)],
        };
        while (pending.Count > 0)
        {
            // The cursor of a listing under way: the old fingerprints updated with what was read, nothing deleted yet.
            var (records, problems) = diff.Take();
            if (records.Count + problems.Count > 0)
            {
                saved = (cursor with { Seen = diff.SoFar() }).ToConnectorCursor();
                yield return new ReadBatch(records, problems, saved);
            }
            var chunk = pending.Take(TrelloApiClient.MaxBatch).ToList();
            pending.RemoveRange(0, chunk.Count);
            var (items, chunkFailure) = await BatchAsync([.. chunk.Select(s => s.Route)], "list members", ct);
            for (var i = 0; chunkFailure is null && i < chunk.Count; i++)
            {
                chunkFailure = Add(diff, chunk[i], items![i]);
            }
            if (chunkFailure is not null)
            {
                yield return ReadBatch.Failed(chunkFailure, saved);
                yield break;
            }
        }
        var (last, lastProblems) = diff.Take();
        last.AddRange(diff.Missing());
        yield return new ReadBatch(last, lastProblems, (cursor with { Seen = diff.Seen }).ToConnectorCursor());
    }

    private async Task<(IReadOnlyList<TrelloReply>? Items, Failure? Failure)> BatchAsync(IReadOnlyList<string> routes, string what, CancellationToken ct)
    {
        var (batch, unreachable) = await Calls.TryAsync(() => api.BatchAsync(routes, ct), what, ct);
        if (unreachable is not null)
        {
            return (null, unreachable);
        }
        return batch!.Items is null ? (null, Calls.Failure(batch.Reply, api, what, "a batch answer")) : (batch.Items, null);
    }

    // The workspaces, then the boards that belong to none of them (a member may be on a board without being in its workspace).
    private (List<Source>? Sources, Failure? Failure) SourcesFrom(TrelloReply organizations, TrelloReply boards)
    {
        if (!organizations.Succeeded || organizations.Array is null)
        {
            return (null, Calls.Failure(organizations, api, "list the workspaces of the token's member", "a list of organizations"));
        }
        if (!boards.Succeeded || boards.Array is null)
        {
            return (null, Calls.Failure(boards, api, "list the boards of the token's member", "a list of boards"));
        }
        var orgIds = Ids(organizations.Array).ToHashSet(StringComparer.Ordinal);
        var orphanBoards = boards.Array.OfType<JsonObject>()
            .Where(b => RecordReader.IsId(b["id"]) && !(b["idOrganization"] is JsonValue v && v.TryGetValue<string>(out var org) && orgIds.Contains(org)))
            .Select(b => (string)b["id"]!);
        return ([.. Ids(organizations.Array).Select(id => new Source(false, id)), .. orphanBoards.Select(id => new Source(true, id))], null);
    }

    private static IEnumerable<string> Ids(JsonArray items) =>
        items.OfType<JsonObject>().Where(o => RecordReader.IsId(o["id"])).Select(o => (string)o["id"]!).Distinct(StringComparer.Ordinal);

    // A workspace or board that vanished between the two calls (404) simply has no members to give.
    private Failure? Add(ListingDiff diff, Source source, TrelloReply reply)
    {
        if (reply.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (!reply.Succeeded || reply.Array is null)
        {
            return Calls.Failure(reply, api, $"list the members of {source}", "a list of members");
        }
        foreach (var item in reply.Array)
        {
            var (record, problem) = RecordReader.Read(TrelloDatatypes.MemberType, item);
            if (record is not null)
            {
                diff.Add(record);
            }
            else
            {
                diff.Problem(problem!);
            }
        }
        return null;
    }
}
