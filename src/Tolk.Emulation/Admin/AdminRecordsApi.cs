using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tolk.Emulation.Hosting;

namespace Tolk.Emulation.Admin;

/// <summary>Records through the admin channel: list and inspect as stored, and create, edit or delete as a person would.</summary>
internal static class AdminRecordsApi
{
    public static void MapAdminRecords(this RouteGroupBuilder admin, SystemEmulator emulator)
    {
        var records = admin.MapGroup("/records");
        records.MapGet("/", () => TypedResults.Ok(emulator.Database.Collections.Select(c => new { name = c.Name, count = c.Count })));
        records.MapGet("/{collection}", Results<Ok<IReadOnlyList<JsonObject>>, NotFound<AdminError>> (string collection, int? offset, int? limit) =>
            emulator.Database.Find(collection) is { } c
                ? TypedResults.Ok<IReadOnlyList<JsonObject>>(c.All().Skip(offset ?? 0).Take(limit ?? int.MaxValue).ToList())
                : TypedResults.NotFound(new AdminError($"no collection '{collection}'")));
        records.MapGet("/{collection}/{id}", Results<Ok<JsonObject>, NotFound<AdminError>> (string collection, string id) =>
            emulator.Database.Find(collection)?.Get(id) is { } r
                ? TypedResults.Ok(r)
                : TypedResults.NotFound(new AdminError($"no {collection} record with id '{id}'")));
        records.MapPost("/{collection}", Results<Created<JsonObject>, BadRequest<AdminError>> (string collection, JsonObject fields) =>
        {
            var (record, error) = emulator.PersonCreate(collection, fields);
            return record is null ? TypedResults.BadRequest(new AdminError(error!)) : TypedResults.Created((string?)null, record);
        });
        records.MapPatch("/{collection}/{id}", Results<Ok<JsonObject>, BadRequest<AdminError>> (string collection, string id, JsonObject patch) =>
        {
            var (record, error) = emulator.PersonUpdate(collection, id, patch);
            return record is null ? TypedResults.BadRequest(new AdminError(error!)) : TypedResults.Ok(record);
        });
        records.MapDelete("/{collection}/{id}", Results<NoContent, BadRequest<AdminError>> (string collection, string id) =>
            emulator.PersonDelete(collection, id) is { } error ? TypedResults.BadRequest(new AdminError(error)) : TypedResults.NoContent());
    }
}
