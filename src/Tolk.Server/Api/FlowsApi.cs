using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tolk.Engine.Running;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;

namespace Tolk.Server.Api;

/// <summary><c>/api/flows</c>: the flows with their links, health and figures; pause and resume; a flow's links.</summary>
internal static class FlowsApi
{
    public static IEndpointRouteBuilder MapFlowsApi(this IEndpointRouteBuilder app)
    {
        var flows = app.MapGroup("/api/flows").WithTags("flows");
        flows.MapGet("/", ListAsync).WithSummary("Every flow with its link count, health and figures since start");
        flows.MapGet("/{number:int}/links", LinksAsync).WithSummary("A page of one flow's links");
        flows.MapPost("/{number:int}/pause", (int number, ServerContext context, CancellationToken ct) => SetPausedAsync(number, true, context, ct))
            .WithSummary("Pause a flow: its changes wait until it is resumed");
        flows.MapPost("/{number:int}/resume", (int number, ServerContext context, CancellationToken ct) => SetPausedAsync(number, false, context, ct))
            .WithSummary("Resume a flow: what waited is synced in the next cycle, which starts now");
        return app;
    }

    private static async Task<Ok<List<FlowView>>> ListAsync(ServerContext context, CancellationToken cancellationToken)
    {
        var errors = await context.Store.GetErrorsAsync(false, 100_000, cancellationToken);
        var lastRead = context.Runner.LastRead;
        var blocked = context.Runner.Last?.BlockedSystems ?? [];
        var views = new List<FlowView>();
        foreach (var flow in context.Engine.Topology.Configuration.Flows)
        {
            var (source, target) = (Dataset(flow.Source), Dataset(flow.Target));
            var links = (await LinksOfAsync(context, flow, cancellationToken)).Count;
            var errorCount = errors.Count(e => e.Dataset == source || e.Dataset == target);
            var paused = context.Engine.Control.IsPaused(flow);
            var blockedSystem = new[] { source.System, target.System }.FirstOrDefault(blocked.Contains);
            var (health, reason) =
                paused ? ("paused", "paused: changes wait until it is resumed")
                : blockedSystem is not null ? ("blocked", $"{blockedSystem} rejected Tolk's credentials")
                : errorCount > 0 ? ("errors", $"{errorCount} record(s) need attention")
                : !lastRead.ContainsKey(source.System) || !lastRead.ContainsKey(target.System) ? ("starting", "not read since the server started")
                : ("ok", (string?)null);
            FlowStats totals;
            lock (context.Runner.Totals)
            {
                totals = Copy(context.Runner.Totals.Flows.GetValueOrDefault(flow.Number));
            }

            views.Add(new FlowView(flow.Number, flow.Definition.Seed, flow.Source.Key, flow.Target.Key, paused, flow.Definition.ReadOnlyTarget,
                links, errorCount, health, reason, At(lastRead, source.System), At(lastRead, target.System), totals));
        }

        return TypedResults.Ok(views);
    }

    private static async Task<Results<Ok<LinkPage>, NotFound<Auth.ApiProblem>>> LinksAsync(int number, ServerContext context, CancellationToken cancellationToken,
        int offset = 0, int limit = 100)
    {
        if (context.Engine.Topology.Configuration.Flow(number) is not { } flow)
        {
            return TypedResults.NotFound(new Auth.ApiProblem($"there is no flow {number}"));
        }

        var links = await LinksOfAsync(context, flow, cancellationToken);
        var page = links.OrderBy(l => l.ClusterId).Skip(Math.Max(0, offset)).Take(Math.Clamp(limit, 1, 1000))
            .Select(l => new LinkView(l.ClusterId, End(l.Source), End(l.Target))).ToList();
        return TypedResults.Ok(new LinkPage(number, links.Count, offset, page));
    }

    private static async Task<Results<Ok<FlowView>, NotFound<Auth.ApiProblem>>> SetPausedAsync(int number, bool paused, ServerContext context, CancellationToken cancellationToken)
    {
        if (!await context.Engine.SetPausedAsync(number, paused, cancellationToken))
        {
            return TypedResults.NotFound(new Auth.ApiProblem($"there is no flow {number}"));
        }

        var flow = context.Engine.Topology.Configuration.Flow(number)!;
        if (!paused)
        {
            context.Runner.Trigger(Dataset(flow.Source), Dataset(flow.Target));
        }

        var all = await ListAsync(context, cancellationToken);
        return TypedResults.Ok(all.Value!.Single(f => f.Number == number));
    }

    private static async Task<List<FlowLink>> LinksOfAsync(ServerContext context, ResolvedFlow flow, CancellationToken cancellationToken)
    {
        var links = await context.Store.GetFlowLinksAsync(Dataset(flow.Source), Dataset(flow.Target), cancellationToken);
        var (sourceRole, targetRole) = (flow.Source.Role ?? "", flow.Target.Role ?? "");
        return [.. links.Where(l => l.Source.Role == sourceRole && l.Target.Role == targetRole)];
    }

    private static Dataset Dataset(DatatypeMapping mapping) => new(mapping.System, mapping.Datatype);

    private static LinkEnd End(ClusterMember member) =>
        new(member.Dataset.System, member.Dataset.Datatype, member.RecordId, member.JoinedBy.ToString().ToLowerInvariant(), member.JoinedAt);

    private static DateTimeOffset? At(IReadOnlyDictionary<string, DateTimeOffset> lastRead, string system) =>
        lastRead.TryGetValue(system, out var at) ? at : null;

    private static FlowStats Copy(FlowStats? stats)
    {
        var copy = new FlowStats();
        if (stats is not null)
        {
            copy.Add(stats);
        }

        return copy;
    }
}
