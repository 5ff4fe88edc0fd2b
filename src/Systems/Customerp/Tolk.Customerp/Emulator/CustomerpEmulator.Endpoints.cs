using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Customerp.Emulator.Internal.Dto;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    /// <summary>
    /// The five routes of one collection. Parameters are bound as strings only so that the OpenAPI document lists them;
    /// the handlers parse them themselves, so bad input gets Customerp's problem body, never the framework's.
    /// </summary>
    private void MapCollection<TRecord, TCreate, TPatch>(IEndpointRouteBuilder api, CollectionSchema schema)
        where TCreate : notnull
        where TPatch : notnull
    {
        var group = api.MapGroup("/" + schema.Name).WithTags(schema.Name);
        var plural = schema.Name;
        var one = schema.Singular;
        var title = char.ToUpperInvariant(one[0]) + one[1..];

        group.MapGet("", (HttpContext http,
                [FromQuery(Name = "limit")] string? limit, [FromQuery(Name = "cursor")] string? cursor,
                [FromQuery(Name = "updated_since")] string? updatedSince, [FromQuery(Name = "include_deleted")] string? includeDeleted) =>
                List(http, schema))
            .WithName($"list{char.ToUpperInvariant(plural[0])}{plural[1..]}")
            .WithSummary($"List {plural}")
            .WithDescription($"Pages through {plural} ordered by (updated_at, id) ascending. Pass next_cursor back as cursor, with the same updated_since and include_deleted, until it is null.")
            .Produces<Page<TRecord>>(200)
            .ProducesProblems(400, 401, 429);

        group.MapPost("", (HttpContext http, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey) => CreateAsync(http, schema))
            .WithName($"create{title}")
            .WithSummary($"Create a {one}")
            .WithDescription("Returns 201 with Location and ETag. With an Idempotency-Key, a repeat of the same request within 24 hours returns the first response; the same key with another body gets 422.")
            .Accepts<TCreate>(RequestBody.Json)
            .Produces<TRecord>(201)
            .ProducesProblems(400, 401, 409, 413, 415, 422, 429);

        group.MapGet("/{id}", (HttpContext http, string id, [FromQuery(Name = "include_deleted")] string? includeDeleted) => Get(http, schema, id))
            .WithName($"get{title}")
            .WithSummary($"Get a {one}")
            .WithDescription($"A deleted {one} answers 404 unless include_deleted=true.")
            .Produces<TRecord>(200)
            .ProducesProblems(400, 401, 404, 429);

        group.MapPatch("/{id}", (HttpContext http, string id, [FromHeader(Name = "If-Match")] string? ifMatch) => PatchAsync(http, schema, id))
            .WithName($"update{title}")
            .WithSummary($"Update a {one} (JSON merge patch)")
            .WithDescription("RFC 7396 merge patch: fields left out are unchanged, null clears a field. If-Match with the ETag makes the update conditional (412 when it does not match).")
            .Accepts<TPatch>(RequestBody.MergePatch, RequestBody.Json)
            .Produces<TRecord>(200)
            .ProducesProblems(400, 401, 404, 409, 412, 413, 415, 429);

        group.MapDelete("/{id}", (HttpContext http, string id, [FromHeader(Name = "If-Match")] string? ifMatch) => Delete(http, schema, id))
            .WithName($"delete{title}")
            .WithSummary($"Delete a {one} (soft delete)")
            .WithDescription("The record keeps its fields, gets deleted_at and stays visible with include_deleted=true.")
            .Produces(204)
            .ProducesProblems(401, 404, 412, 429);
    }
}

/// <summary>Problem responses in the endpoint metadata, so the OpenAPI document lists them with their media type.</summary>
internal static class ProblemMetadata
{
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.Produces<ProblemBody>(status, Problem.MediaType);
        }
        return builder;
    }
}
