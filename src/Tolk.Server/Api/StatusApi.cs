using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tolk.Connectors.Webhooks;
using Tolk.Server.Metrics;
using Tolk.Server.Webhooks;

namespace Tolk.Server.Api;

/// <summary><c>/health</c> (open, for probes) and <c>/api/status</c> (each system's reads and webhooks).</summary>
internal static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (ServerContext context, SyncMetrics metrics, WebhookRegistrar registrar) =>
        {
            var status = Status(context, metrics, registrar);
            return TypedResults.Ok(new HealthPing(status.Status, status.LastCycle));
        }).WithTags("status").WithSummary("Whether the server and its sync loop are well (no token needed)");

        app.MapGet("/api/status", (ServerContext context, SyncMetrics metrics, WebhookRegistrar registrar) =>
            TypedResults.Ok(Status(context, metrics, registrar)))
            .WithTags("status").WithSummary("Per system: when it was last read and whether its webhooks are registered");
        return app;
    }

    private static HealthView Status(ServerContext context, SyncMetrics metrics, WebhookRegistrar registrar)
    {
        var lastRead = context.Runner.LastRead;
        var blocked = context.Runner.Last?.BlockedSystems ?? [];
        var webhooks = registrar.Status;
        var systems = context.Connectors.Keys.Order(StringComparer.Ordinal).Select(system =>
        {
            var hooks = context.Connectors[system] is not IWebhookConnector ? "none"
                : webhooks.TryGetValue(system, out var failure) ? failure is null ? "registered" : "failed" : "none";
            var problem = blocked.Contains(system) ? $"{system} rejected Tolk's credentials"
                : hooks == "failed" ? $"webhooks not registered: {webhooks[system]}" : null;
            return new SystemHealth(system, lastRead.TryGetValue(system, out var at) ? at : null, hooks, problem);
        }).ToList();
        var lastCycle = metrics.LastCycleAt is { } end ? (context.Time.GetUtcNow() - end).TotalSeconds : (double?)null;
        return new HealthView(systems.Any(s => s.Problem is not null) ? "degraded" : "ok", context.StartedAt, lastCycle, systems);
    }
}
