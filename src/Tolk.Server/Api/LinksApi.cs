using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tolk.Hub.Store;
using Tolk.Server.Auth;

namespace Tolk.Server.Api;

/// <summary>
/// <c>/api/attention</c>, <c>/api/links</c> and <c>/api/records/.../unlink</c>: what waits for a person, and a person's
/// say over which records are one thing. Each change starts a sync cycle of the datasets it touches.
/// </summary>
internal static class LinksApi
{
    public static IEndpointRouteBuilder MapLinksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/attention", Attention.ReadAsync).WithTags("links")
            .WithSummary("What waits for a person: ambiguous matches with the records to choose from, and other blocks with their reasons");
        app.MapPost("/api/links", LinkAsync).WithTags("links")
            .WithSummary("Link two records by hand (settles an ambiguous match); the datasets of both sync in a cycle that starts now");
        app.MapPost("/api/records/{system}/{datatype}/{id}/unlink", UnlinkAsync).WithTags("links")
            .WithSummary("Unlink a record by hand (role in ?role= for a datatype's second mapping): it leaves its links, and no merge criterion links it again");
        return app;
    }

    private static async Task<Results<Ok<LinkResult>, BadRequest<ApiProblem>, NotFound<ApiProblem>, Conflict<ApiProblem>>> LinkAsync(
        LinkRequest? request, ServerContext context, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TypedResults.BadRequest(new ApiProblem("send a JSON body {\"record\": {...}, \"other\": {...}} naming the two records to link"));
        }

        var (first, firstRefusal) = await RecordKeys.ResolveAsync(context, request.Record, "record", cancellationToken);
        if (firstRefusal is not null)
        {
            return Refuse(firstRefusal);
        }

        var (second, secondRefusal) = await RecordKeys.ResolveAsync(context, request.Other, "other", cancellationToken);
        if (secondRefusal is not null)
        {
            return Refuse(secondRefusal);
        }

        var (left, right) = (context.Engine.Topology.Of(first!)!, context.Engine.Topology.Of(second!)!);
        if (left.Type != right.Type)
        {
            return TypedResults.BadRequest(new ApiProblem(
                $"{RecordKeys.Describe(first!)} ({left.Type.Name}) and {RecordKeys.Describe(second!)} ({right.Type.Name}) cannot be one thing"));
        }

        if (left == right)
        {
            return TypedResults.BadRequest(new ApiProblem(
                $"record and other are both {left} records: Tolk links one record in each system (and role) to a thing"));
        }

        if (await context.Engine.LinkAsync(first!, second!, cancellationToken) is { } problem)
        {
            return TypedResults.Conflict(new ApiProblem($"cannot link {RecordKeys.Describe(first!)} and {RecordKeys.Describe(second!)}: {problem}"));
        }

        context.Runner.Trigger(first!.Dataset, second!.Dataset);
        var cluster = (await context.Store.FindMembersAsync(first.Dataset, first.RecordId, cancellationToken)).FirstOrDefault(m => m.Role == first.Role)?.ClusterId;
        return TypedResults.Ok(new LinkResult(cluster,
            $"Linked {RecordKeys.Describe(first)} and {RecordKeys.Describe(second)}; a sync cycle of both datasets has started."));
    }

    private static async Task<Results<Ok<LinkResult>, BadRequest<ApiProblem>, NotFound<ApiProblem>, Conflict<ApiProblem>>> UnlinkAsync(
        string system, string datatype, string id, ServerContext context, CancellationToken cancellationToken, string? role = null)
    {
        if (RecordsApi.Parse(system, datatype) is not { } dataset)
        {
            return TypedResults.BadRequest(new ApiProblem($"'{system}/{datatype}' is not a dataset: system and datatype are lower-case names"));
        }

        var (member, refusal) = await RecordKeys.ResolveAsync(context, dataset, id, role, "record", cancellationToken);
        if (refusal is not null)
        {
            return Refuse(refusal);
        }

        if (!(await context.Store.FindMembersAsync(dataset, id, cancellationToken)).Any(m => m.Role == member!.Role))
        {
            return TypedResults.NotFound(new ApiProblem($"{RecordKeys.Describe(member!)} is not linked to anything"));
        }

        await context.Engine.UnlinkAsync(member!, cancellationToken);
        context.Runner.Trigger(dataset);
        return TypedResults.Ok(new LinkResult(null,
            $"Unlinked {RecordKeys.Describe(member!)}: it keeps its values, and no merge criterion links it again (linking it by hand still can)."));
    }

    private static Results<Ok<LinkResult>, BadRequest<ApiProblem>, NotFound<ApiProblem>, Conflict<ApiProblem>> Refuse(Refusal refusal) =>
        refusal.NotFound ? TypedResults.NotFound(refusal.Problem) : TypedResults.BadRequest(refusal.Problem);
}
