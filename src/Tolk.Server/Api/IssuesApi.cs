using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tolk.Hub.Store;
using Tolk.Server.Auth;
using Tolk.Server.Feed;

namespace Tolk.Server.Api;

/// <summary><c>/api/conflicts</c> and <c>/api/errors</c>: what a person may want to look at, and retrying errors.</summary>
internal static class IssuesApi
{
    public static IEndpointRouteBuilder MapIssuesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/conflicts", ConflictsAsync).WithTags("conflicts").WithSummary("The latest conflicts, newest first, with both values");
        var errors = app.MapGroup("/api/errors").WithTags("errors");
        errors.MapGet("/", ErrorsAsync).WithSummary("The latest errors, most recently seen first (resolved ones with resolved=true)");
        errors.MapPost("/{id:long}/retry", RetryAsync).WithSummary("Retry one error: the record is processed again and synced in a cycle that starts now");
        errors.MapPost("/retry", RetryAllAsync).WithSummary("Retry every unresolved error");
        return app;
    }

    private static async Task<Ok<List<ConflictView>>> ConflictsAsync(ServerContext context, CancellationToken cancellationToken, int limit = 50)
    {
        var conflicts = await context.Store.GetConflictsAsync(null, Math.Clamp(limit, 1, 1000), cancellationToken);
        var titles = new Dictionary<long, string?>();
        foreach (var id in conflicts.Select(c => c.ClusterId).Distinct())
        {
            titles[id] = RecordTitles.FromGolden((await context.Store.GetClusterAsync(id, cancellationToken))?.GoldenRecord);
        }

        return TypedResults.Ok(conflicts.Select(c => new ConflictView(c.Id, c.ClusterId, titles.GetValueOrDefault(c.ClusterId), c.Property,
            Side(c.Winner), Side(c.Loser), c.DetectedAt)).ToList());
    }

    private static async Task<Ok<List<ErrorView>>> ErrorsAsync(ServerContext context, CancellationToken cancellationToken, bool resolved = false, int limit = 100)
    {
        var errors = await context.Store.GetErrorsAsync(resolved, Math.Clamp(limit, 1, 10_000), cancellationToken);
        return TypedResults.Ok(errors.Select(View).ToList());
    }

    private static async Task<Results<Ok<RetryResult>, NotFound<ApiProblem>>> RetryAsync(long id, ServerContext context, CancellationToken cancellationToken)
    {
        var error = (await context.Store.GetErrorsAsync(false, 100_000, cancellationToken)).FirstOrDefault(e => e.Id == id);
        if (error is null || !await context.Engine.RetryAsync(id, cancellationToken))
        {
            return TypedResults.NotFound(new ApiProblem($"there is no unresolved error {id}"));
        }

        context.Runner.Trigger(error.Dataset);
        return TypedResults.Ok(new RetryResult(1));
    }

    private static async Task<Ok<RetryResult>> RetryAllAsync(ServerContext context, CancellationToken cancellationToken)
    {
        var datasets = (await context.Store.GetErrorsAsync(false, 100_000, cancellationToken)).Select(e => e.Dataset).Distinct().ToArray();
        var count = await context.Engine.RetryAllAsync(cancellationToken);
        if (datasets.Length > 0)
        {
            context.Runner.Trigger(datasets);
        }

        return TypedResults.Ok(new RetryResult(count));
    }

    private static ConflictSideView Side(ConflictSide side) =>
        new(side.Dataset.System, side.Dataset.Datatype, side.RecordId, Value(side.Value), side.ChangedAt);

    private static JsonNode? Value(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }

    private static ErrorView View(HubError e) =>
        new(e.Id, e.Dataset.System, e.Dataset.Datatype, e.RecordId, e.Stage, e.Field, e.Message, e.FirstSeen, e.LastSeen, e.Attempts, e.ResolvedAt);
}
