using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Tolk.Custompms.Emulator.Internal;
using Tolk.Custompms.Emulator.Internal.Dto;
using A = Tolk.Custompms.Emulator.CustompmsAssumptions;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    /// <summary>
    /// The five routes of one collection. Parameters are bound as strings only so that the OpenAPI document lists them;
    /// the handlers read them themselves, so bad input gets Custompms's error body, never the framework's.
    /// </summary>
    private void MapCollection<TRecord, TInput>(IEndpointRouteBuilder api, CollectionSchema schema)
        where TInput : notnull
    {
        var c = _collections[schema.Name];
        var group = api.MapGroup("/" + schema.Name).WithTags(schema.Name);
        var one = schema.Singular;
        var title = char.ToUpperInvariant(one[0]) + one[1..];
        var plural = char.ToUpperInvariant(schema.Name[0]) + schema.Name[1..];

        group.MapGet("", (HttpContext http, [FromQuery] string? page, [FromQuery] string? perPage, [FromQuery] string? modifiedSince) => List(http, c))
            .WithName($"list{plural}")
            .WithSummary($"List {schema.Name}")
            .WithDescription($"A page of {schema.Name} ordered by modifiedAt, then id. X-Total-Count is the number of matching records; "
                + "Link carries the next page's URL (rel=\"next\") while more pages exist.")
            .Produces<List<TRecord>>(200, "application/json")
            .ProducesErrors(400);

        group.MapPost("", async (HttpContext http, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey) => await CreateAsync(http, c))
            .WithName($"create{title}")
            .WithSummary($"Create a {one}")
            .WithDescription($"The server assigns the id{(schema == Projects ? " (and the key, when left out)" : "")}. Omitted optional fields are null. "
                + "With an Idempotency-Key, repeating the create returns the first 201 unchanged (per API key and collection, for 24 hours).")
            .Accepts<TInput>("application/json")
            .Produces<TRecord>(201, "application/json")
            .ProducesErrors(400, schema == Projects ? 409 : 0);

        group.MapGet("/{id}", (HttpContext http, string id) => Get(http, c, id))
            .WithName($"get{title}")
            .WithSummary($"Get a {one}")
            .Produces<TRecord>(200, "application/json")
            .ProducesErrors(404);

        group.MapPut("/{id}", async (HttpContext http, string id) => await ReplaceAsync(http, c, id))
            .WithName($"replace{title}")
            .WithSummary($"Replace a {one}")
            .WithDescription("Full replacement: send every writable field; an omitted optional field becomes null"
                + (schema == Projects ? " (except key, which is kept)" : "") + ", an omitted required field is 400.")
            .Accepts<TInput>("application/json")
            .Produces<TRecord>(200, "application/json")
            .ProducesErrors(400, 404, schema == Projects ? 409 : 0);

        group.MapDelete("/{id}", (HttpContext http, string id) => Delete(http, c, id))
            .WithName($"delete{title}")
            .WithSummary($"Delete a {one}")
            .WithDescription("A hard delete: the record is gone and the change log gets a delete entry. "
                + (schema == Tasks ? "" : "A record other records still refer to cannot be deleted (409)."))
            .Produces(204)
            .ProducesErrors(404, schema == Tasks ? 0 : 409);
    }

    private void MapChanges(IEndpointRouteBuilder api) =>
        api.MapGet("/changes", (HttpContext http, [FromQuery] string? since, [FromQuery] string? limit) => Changes(http))
            .WithTags("changes")
            .WithName("listChanges")
            .WithSummary("Read the change log")
            .WithDescription($"Entries after since, oldest first, at most limit (1..{A.MaxChangeLimit}, default {A.DefaultChangeLimit}). "
                + "Every write through the API and every edit in Custompms appends one. Without since: no entries and the current lastSeq, "
                + "to follow from now. Entries older than the retention window (7 days) are dropped; a since before them is 410 "
                + "sequence_expired, and the client must re-read everything.")
            .Produces<ChangePage>(200, "application/json")
            .ProducesErrors(400, 410);
}

/// <summary>Error answers in the endpoint metadata, so the OpenAPI document lists them with their body.</summary>
internal static class ErrorMetadata
{
    /// <summary>The given statuses (0 is skipped) plus those every call can get: 401, 429 and 500.</summary>
    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses.Where(s => s != 0).Concat([401, 429, 500]).Distinct().Order())
        {
            builder.Produces<ErrorBody>(status, "application/json");
        }
        return builder;
    }
}
