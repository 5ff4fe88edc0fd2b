using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Tolk.Asana.Internal;
using Tolk.Asana.Internal.Dto;
using Tolk.Connectors;

namespace Tolk.Asana;

/// <summary>Reads: incremental from the events of each workspace, full through the listings, deletions as deleted records.</summary>
public sealed partial class AsanaConnector
{
    private const string WorkspaceFields = "name,is_organization";

    /// <inheritdoc />
    public async IAsyncEnumerable<ReadBatch> ReadAsync(string datatype, ConnectorCursor cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (AsanaDatatype.Find(datatype) is not { } type)
        {
            yield return ReadBatch.Failed(new Failure(FailureKind.NotSupported, $"asana has no datatype '{datatype}'"), cursor);
            yield break;
        }
        var saved = AsanaCursor.From(cursor);
        Dictionary<string, string>? fresh = null;
        var reason = saved is null ? "no cursor" : "reconciliation is due";
        if (saved is not null && _time.GetUtcNow() - saved.ReconciledAt < _options.ReconcileInterval)
        {
            var poll = await _feed.PollAsync(saved.SyncTokens, cancellationToken);
            if (poll.Failure is { } failure)
            {
                yield return ReadBatch.Failed(failure, cursor);
                yield break;
            }
            if (!poll.Expired)
            {
                await foreach (var batch in ChangedAsync(type, poll, saved, cursor, cancellationToken))
                {
                    yield return batch;
                }
                yield break;
            }
            // The tokens from the poll (fresh ones for the expired workspaces) were taken before the full read, so it misses nothing.
            fresh = new Dictionary<string, string>(poll.Tokens, StringComparer.Ordinal);
            reason = "sync token expired";
        }
        Log.FullRead(_logger, datatype, reason);
        await foreach (var batch in FullReadAsync(type, cursor, fresh, cancellationToken))
        {
            yield return batch;
        }
    }

    private async IAsyncEnumerable<ReadBatch> ChangedAsync(AsanaDatatype type, EventPoll poll, AsanaCursor saved, ConnectorCursor cursor,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = new AsanaCursor(poll.Tokens, saved.ReconciledAt).ToConnectorCursor();
        var gids = poll.Events
            .Where(e => (string?)e["resource"]?["resource_type"] == type.ResourceType)
            .Select(e => (string?)e["resource"]?["gid"])
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (gids.Count == 0)
        {
            yield return new ReadBatch([], [], next);
            yield break;
        }
        var chunks = gids.Chunk(_api.BatchSize).ToList();
        for (var c = 0; c < chunks.Count; c++)
        {
            var batch = await FetchAsync(type, chunks[c], cursor, cancellationToken);
            if (batch.Stopped is not null)
            {
                yield return batch;
                yield break;
            }
            yield return batch with { Cursor = c == chunks.Count - 1 ? next : cursor };
        }
    }

    /// <inheritdoc />
    public async Task<ReadBatch> ReadRecordsAsync(string datatype, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (AsanaDatatype.Find(datatype) is not { } type)
        {
            return ReadBatch.Failed(new Failure(FailureKind.NotSupported, $"asana has no datatype '{datatype}'"), ConnectorCursor.None);
        }
        var records = new List<ConnectorRecord>();
        var problems = new List<ReadProblem>();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(_api.BatchSize))
        {
            var batch = await FetchAsync(type, chunk, ConnectorCursor.None, cancellationToken);
            records.AddRange(batch.Records);
            problems.AddRange(batch.Problems);
            if (batch.Stopped is not null)
            {
                return new ReadBatch(records, problems, ConnectorCursor.None, batch.Stopped);
            }
        }
        return new ReadBatch(records, problems, ConnectorCursor.None);
    }

    // One batch of GETs by gid (a single GET for one); a gid Asana no longer has comes back deleted.
    private async Task<ReadBatch> FetchAsync(AsanaDatatype type, string[] gids, ConnectorCursor cursor, CancellationToken cancellationToken)
    {
        var answers = await _api.RunAsync(gids.Select(gid => new BatchAction("get", $"{type.Path}/{gid}", null, type.OptFields)).ToList(), cancellationToken);
        var records = new List<ConnectorRecord>();
        var problems = new List<ReadProblem>();
        for (var i = 0; i < gids.Length; i++)
        {
            if (answers[i].Status == 404)
            {
                records.Add(RecordNormalizer.Deleted(gids[i]));
                continue;
            }
            if (!answers[i].Ok)
            {
                return new ReadBatch(records, problems, cursor, AsanaFailures.From(answers[i], _api.Guard));
            }
            Add(type, answers[i].Data, records, problems);
        }
        return new ReadBatch(records, problems, cursor);
    }

    private async IAsyncEnumerable<ReadBatch> FullReadAsync(AsanaDatatype type, ConnectorCursor cursor, Dictionary<string, string>? fresh,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var isWorkspace = type.Name == "workspace";
        var (workspaces, failure) = await _lister.ListAllAsync(["workspaces"], isWorkspace ? type.OptFields : WorkspaceFields, cancellationToken);
        if (failure is not null)
        {
            yield return ReadBatch.Failed(failure, cursor);
            yield break;
        }
        var workspaceGids = workspaces.Select(w => (string?)w?["gid"]).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var gid in workspaceGids.Where(g => fresh?.ContainsKey(g) == true))
        {
            tokens[gid] = fresh![gid];
        }
        if (workspaceGids.Where(g => !tokens.ContainsKey(g)).ToList() is { Count: > 0 } missing)
        {
            var (issued, tokenFailure) = await _feed.FreshTokensAsync(missing, cancellationToken);
            if (tokenFailure is not null)
            {
                yield return ReadBatch.Failed(tokenFailure, cursor);
                yield break;
            }
            foreach (var (gid, token) in issued)
            {
                tokens[gid] = token;
            }
        }
        var done = new AsanaCursor(tokens, started).ToConnectorCursor();
        if (isWorkspace)
        {
            var records = new List<ConnectorRecord>();
            var problems = new List<ReadProblem>();
            foreach (var item in workspaces)
            {
                Add(type, item, records, problems);
            }
            yield return new ReadBatch(records, problems, done);
            yield break;
        }
        var (paths, pathFailure) = await ListingPathsAsync(type, workspaces, cancellationToken);
        if (pathFailure is not null)
        {
            yield return ReadBatch.Failed(pathFailure, cursor);
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in _lister.ListAsync(paths, type.OptFields, cancellationToken))
        {
            var records = new List<ConnectorRecord>();
            var problems = new List<ReadProblem>();
            foreach (var item in page.Items.Where(i => i?["gid"] is not JsonValue g || !g.TryGetValue<string>(out var s) || seen.Add(s)))
            {
                Add(type, item, records, problems);
            }
            if (page.Failure is not null)
            {
                yield return new ReadBatch(records, problems, cursor, page.Failure);
                yield break;
            }
            yield return new ReadBatch(records, problems, cursor);
        }
        yield return new ReadBatch([], [], done);
    }

    // Teams live in organizations, users and projects in workspaces, tasks in projects.
    private async Task<(IReadOnlyList<string> Paths, Failure? Failure)> ListingPathsAsync(AsanaDatatype type, List<JsonNode?> workspaces, CancellationToken cancellationToken)
    {
        var gids = workspaces.Select(w => (string?)w?["gid"]).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        switch (type.Name)
        {
            case "team":
                return (workspaces.Where(w => w?["is_organization"] is JsonValue o && o.TryGetValue<bool>(out var org) && org)
                    .Select(w => $"workspaces/{(string?)w!["gid"]}/teams").Distinct(StringComparer.Ordinal).ToList(), null);
            case "user":
            case "project":
                return (gids.Select(g => $"workspaces/{g}/{type.Path}").ToList(), null);
            default:
                var (projects, failure) = await _lister.ListAllAsync(gids.Select(g => $"workspaces/{g}/projects").ToList(), "name", cancellationToken);
                return (projects.Select(p => (string?)p?["gid"]).OfType<string>().Distinct(StringComparer.Ordinal).Select(p => $"projects/{p}/tasks").ToList(), failure);
        }
    }

    private static void Add(AsanaDatatype type, JsonNode? item, List<ConnectorRecord> records, List<ReadProblem> problems)
    {
        var (record, problem) = RecordNormalizer.Normalize(type, item);
        if (record is not null)
        {
            records.Add(record);
        }
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }
}
