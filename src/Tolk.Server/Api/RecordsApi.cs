using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tolk.Hub.Store;
using Tolk.Server.Auth;
using Tolk.Server.Feed;

namespace Tolk.Server.Api;

/// <summary><c>/api/records/{system}/{datatype}/{id}</c>: a record across all its linked systems, and its history.</summary>
internal static class RecordsApi
{
    private const int HistoryPerRecord = 25;

    public static IEndpointRouteBuilder MapRecordsApi(this IEndpointRouteBuilder app)
    {
        var records = app.MapGroup("/api/records").WithTags("records");
        records.MapGet("/{system}/{datatype}/{id}", GetAsync)
            .WithSummary("A record, the clusters it belongs to (golden record and every linked record) and the history of all of them");
        records.MapGet("/{system}/{datatype}/{id}/history", HistoryAsync).WithSummary("A record's versions in the hub log, newest first");
        return app;
    }

    private static async Task<Results<Ok<RecordView>, NotFound<ApiProblem>, BadRequest<ApiProblem>>> GetAsync(
        string system, string datatype, string id, ServerContext context, CancellationToken cancellationToken)
    {
        if (Parse(system, datatype) is not { } dataset)
        {
            return TypedResults.BadRequest(new ApiProblem($"'{system}/{datatype}' is not a dataset: system and datatype are lower-case names"));
        }

        var latest = await context.Store.GetLatestAsync(dataset, id, cancellationToken);
        var memberships = await context.Store.FindMembersAsync(dataset, id, cancellationToken);
        if (latest is null && memberships.Count == 0)
        {
            return TypedResults.NotFound(new ApiProblem($"the hub has never seen {dataset} record '{id}'"));
        }

        var clusters = new List<ClusterView>();
        var history = new List<VersionView>();
        var seen = new HashSet<(Dataset, string)>();
        foreach (var clusterId in memberships.Select(m => m.ClusterId).Distinct())
        {
            if (await context.Store.GetClusterAsync(clusterId, cancellationToken) is not { } cluster)
            {
                continue;
            }

            var members = new List<MemberView>();
            foreach (var member in cluster.Members)
            {
                var content = await context.Store.GetLatestAsync(member.Dataset, member.RecordId, cancellationToken);
                members.Add(new MemberView(member.Dataset.System, member.Dataset.Datatype, member.RecordId, member.Role,
                    member.JoinedBy.ToString().ToLowerInvariant(), member.JoinedAt,
                    content is null ? null : RecordTitles.FromContent(context.Engine.Topology, member.Dataset, content.Content),
                    content?.Deleted ?? false, Json(content?.Content), Json(member.SyncedValues)));
                if (seen.Add((member.Dataset, member.RecordId)))
                {
                    history.AddRange(await VersionsAsync(context, member.Dataset, member.RecordId, HistoryPerRecord, cancellationToken));
                }
            }

            clusters.Add(new ClusterView(cluster.Id, cluster.GlobalType, RecordTitles.FromGolden(cluster.GoldenRecord), Golden(cluster.GoldenRecord), members));
        }

        if (seen.Add((dataset, id)))
        {
            history.AddRange(await VersionsAsync(context, dataset, id, HistoryPerRecord, cancellationToken));
        }

        var title = clusters.Select(c => c.Title).FirstOrDefault(t => t is not null)
            ?? (latest is null ? null : RecordTitles.FromContent(context.Engine.Topology, dataset, latest.Content));
        return TypedResults.Ok(new RecordView(system, datatype, id, title, latest is null ? null : View(latest, []),
            clusters, [.. history.OrderByDescending(v => v.Seq)]));
    }

    private static async Task<Results<Ok<List<VersionView>>, BadRequest<ApiProblem>>> HistoryAsync(
        string system, string datatype, string id, ServerContext context, CancellationToken cancellationToken, int limit = 50)
    {
        if (Parse(system, datatype) is not { } dataset)
        {
            return TypedResults.BadRequest(new ApiProblem($"'{system}/{datatype}' is not a dataset: system and datatype are lower-case names"));
        }

        return TypedResults.Ok(await VersionsAsync(context, dataset, id, Math.Clamp(limit, 1, 1000), cancellationToken));
    }

    // One more version than asked is read, so the oldest one shown still says what it changed.
    private static async Task<List<VersionView>> VersionsAsync(ServerContext context, Dataset dataset, string id, int limit, CancellationToken cancellationToken)
    {
        var versions = await context.Store.GetHistoryAsync(dataset, id, limit + 1, cancellationToken: cancellationToken);
        return [.. versions.Take(limit).Select((v, i) => View(v, i + 1 < versions.Count ? Changed(versions[i + 1].Content, v.Content) : []))];
    }

    private static VersionView View(RecordVersion version, IReadOnlyList<string> changed) =>
        new(version.Seq, version.Dataset.System, version.Dataset.Datatype, version.RecordId, version.ObservedAt, version.ModifiedAt,
            version.Deleted, changed, Json(version.Content));

    private static List<GoldenView> Golden(string golden) =>
        RecordTitles.Parse(golden) is not { } root ? []
        : [.. root.Select(p => new GoldenView(p.Key, p.Value?["v"]?.DeepClone(), (string?)p.Value?["at"], (string?)p.Value?["by"]))];

    private static List<string> Changed(string before, string after)
    {
        var old = RecordTitles.Parse(before) ?? [];
        var now = RecordTitles.Parse(after) ?? [];
        return [.. now.Select(p => p.Key).Union(old.Select(p => p.Key), StringComparer.Ordinal)
            .Where(k => !JsonNode.DeepEquals(old[k], now[k])).Order(StringComparer.Ordinal)];
    }

    internal static JsonNode? Json(string? text) => RecordTitles.Parse(text);

    internal static Dataset? Parse(string system, string datatype)
    {
        try
        {
            return new Dataset(system, datatype);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
