using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tolk.Crmoffice.Emulator.Internal;
using Tolk.Crmoffice.Emulator.Internal.Dto;
using Tolk.Emulation.Data;

namespace Tolk.Crmoffice.Emulator;

public sealed partial class CrmofficeEmulator
{
    // One set of handlers serves every collection; the type parameters only describe the shapes for the OpenAPI document.
    private RouteGroupBuilder MapReads<TRecord>(IEndpointRouteBuilder api, CollectionSchema schema, string tag)
    {
        var group = api.MapGroup("/" + schema.Name).WithTags(tag);
        group.MapGet("", (HttpContext context, string? limit, string? offset, string? updatedAfter) => List(context, schema))
            .WithName("List" + tag).WithSummary($"Lists {schema.Name}, ordered by updatedAt, then id.")
            .Produces<Page<TRecord>>(200).ProducesErrors(400);
        group.MapGet("/{id}", (string id) => Get(schema, id))
            .WithName("Get" + Singular(schema)).WithSummary($"Gets one {schema.Singular}.")
            .Produces<TRecord>(200).ProducesErrors(404);
        return group;
    }

    private void MapWrites<TRecord, TInput>(RouteGroupBuilder group, CollectionSchema schema, string tag)
        where TInput : notnull
    {
        group.MapPost("", Task<IResult> (HttpContext context) => CreateAsync(context, schema))
            .WithName("Create" + Singular(schema)).WithSummary($"Creates a {schema.Singular}; the server assigns the id.")
            .Accepts<TInput>("application/json").Produces<TRecord>(201).ProducesErrors(400, 409);
        group.MapPut("/{id}", Task<IResult> (HttpContext context, string id) => UpdateAsync(context, schema, id))
            .WithName("Update" + Singular(schema))
            .WithSummary($"Changes the fields present in the body; absent fields stay, null clears an optional field.")
            .Accepts<TInput>("application/json").Produces<TRecord>(200).ProducesErrors(400, 404, 409);
        group.MapDelete("/{id}", (string id) => Delete(schema, id))
            .WithName("Delete" + Singular(schema)).WithSummary($"Deletes a {schema.Singular}.")
            .Produces(204).ProducesErrors(404, 409);
    }

    private IResult List(HttpContext context, CollectionSchema schema)
    {
        var (query, error) = ListQuery.Parse(context.Request.Query);
        if (error is not null)
        {
            return error.ToResult();
        }
        var (items, total) = query!.Page(_records.Table(schema.Name).All());
        return Ok(new JsonObject { ["items"] = new JsonArray([.. items]), ["total"] = total });
    }

    private IResult Get(CollectionSchema schema, string id) =>
        _records.Table(schema.Name).Get(id) is { } record ? Ok(record) : CrmRecords.NotFound(schema, id).ToResult();

    private async Task<IResult> CreateAsync(HttpContext context, CollectionSchema schema)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(context.Request);
        if (body is null)
        {
            return error!.ToResult();
        }
        var outcome = _records.Create(schema, body, ChangeOrigin.Api);
        if (outcome.Record is not { } record)
        {
            return outcome.Error!.ToResult();
        }
        context.Response.Headers.Location = $"/{schema.Name}/{record["id"]}";
        return Ok(record, 201);
    }

    private async Task<IResult> UpdateAsync(HttpContext context, CollectionSchema schema, string id)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(context.Request);
        if (body is null)
        {
            return error!.ToResult();
        }
        var outcome = _records.Update(schema, id, body, ChangeOrigin.Api);
        return outcome.Record is { } record ? Ok(record) : outcome.Error!.ToResult();
    }

    private IResult Delete(CollectionSchema schema, string id) =>
        _records.Delete(schema, id, ChangeOrigin.Api) is { } error ? error.ToResult() : Results.NoContent();

    private static string Singular(CollectionSchema schema) => char.ToUpperInvariant(schema.Singular[0]) + schema.Singular[1..];

    private static IResult Ok(JsonNode body, int status = 200) => Results.Json(body, CrmJson.Options, CrmJson.ContentType, status);
}
