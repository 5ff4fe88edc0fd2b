using Tolk.Connectors;

namespace Tolk.Trello.Internal;

/// <summary>
/// Reads workspaces: Trello has no top-level list and no change feed for them, so every read is one call to
/// <c>GET /members/me/organizations?filter=all</c>, compared with the cursor's fingerprints.
/// </summary>
internal sealed class OrganizationReader(TrelloApiClient api)
{
    public static readonly string Route = TrelloApiClient.Path("members/me/organizations", ("filter", "all"), ("fields", "all"));

    public async IAsyncEnumerable<ReadBatch> ReadAsync(ListingCursor state, ConnectorCursor saved,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var (reply, unreachable) = await Calls.TryAsync(() => api.GetAsync(Route, ct), "list organizations", ct);
        if (unreachable is not null || !reply!.Succeeded || reply.Array is null)
        {
            yield return ReadBatch.Failed(unreachable ?? Calls.Failure(reply!, api, "list organizations", "a list of organizations"), saved);
            yield break;
        }
        var diff = new ListingDiff(state.Seen);
        foreach (var item in reply.Array)
        {
            var (record, problem) = RecordReader.Read(TrelloDatatypes.OrganizationType, item);
            if (record is not null)
            {
                diff.Add(record);
            }
            else
            {
                diff.Problem(problem!);
            }
        }
        var (records, problems) = diff.Take();
        records.AddRange(diff.Missing());
        yield return new ReadBatch(records, problems, (state with { Seen = diff.Seen }).ToConnectorCursor());
    }
}
