using Microsoft.AspNetCore.Http;
using Tolk.Emulation.Data;
using Tolk.Tidsbanken.Emulator.Internal.OData;

namespace Tolk.Tidsbanken.Emulator.Internal;

/// <summary>The five operations of an entity set as HTTP handlers: list, get by key, insert, update, delete.</summary>
internal static class EntityEndpoints
{
    public static async Task ListAsync(HttpContext http, EntityService service, TidsbankenSettings settings)
    {
        var (options, error) = QueryOptions.Parse(http.Request.Query, service.Schema, single: false, settings.MaxTop);
        if (error is not null)
        {
            await ApiResponses.ErrorAsync(http, error);
            return;
        }
        var (page, count) = QueryEngine.Apply(service.ApiView(), options!, service.Schema);
        await ApiResponses.CollectionAsync(http, 200, service.Schema, page, options!.Select, options.Count ? count : null);
    }

    public static async Task GetAsync(HttpContext http, EntityService service, string key, TidsbankenSettings settings)
    {
        var (options, error) = QueryOptions.Parse(http.Request.Query, service.Schema, single: true, settings.MaxTop);
        var stored = error is null ? service.Table.Get(key) : null;
        error ??= stored is null ? ApiError.NotFound($"No {service.Schema.TypeName} with {service.Schema.Key.Name} '{key}' exists.") : null;
        await (error is not null
            ? ApiResponses.ErrorAsync(http, error)
            : ApiResponses.EntityAsync(http, service.Schema, service.View(stored!), options!.Select));
    }

    public static async Task InsertAsync(HttpContext http, EntityService service, TidsbankenSettings settings)
    {
        var (items, error) = await ReadAsync(http, settings);
        var (stored, failed) = items is null ? (null, error) : service.Insert(items, ChangeOrigin.Api);
        await (failed is not null
            ? ApiResponses.ErrorAsync(http, failed)
            : ApiResponses.CollectionAsync(http, 201, service.Schema, stored!));
    }

    public static async Task UpdateAsync(HttpContext http, EntityService service, TidsbankenSettings settings)
    {
        var (items, error) = await ReadAsync(http, settings);
        var (stored, failed) = items is null ? (null, error) : service.Update(items, ChangeOrigin.Api);
        await (failed is not null
            ? ApiResponses.ErrorAsync(http, failed)
            : ApiResponses.CollectionAsync(http, 200, service.Schema, stored!));
    }

    public static async Task DeleteAsync(HttpContext http, EntityService service, string key)
    {
        if (http.Request.QueryString.HasValue && http.Request.Query.Keys.Any(k => k.StartsWith('$')))
        {
            await ApiResponses.ErrorAsync(http, ApiError.InvalidQuery("Query options are not allowed on a delete."));
            return;
        }
        if (service.Delete(key, ChangeOrigin.Api) is { } error)
        {
            await ApiResponses.ErrorAsync(http, error);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task<(List<System.Text.Json.Nodes.JsonObject>? Items, ApiError? Error)> ReadAsync(HttpContext http, TidsbankenSettings settings)
    {
        if (!http.Request.HasJsonContentType())
        {
            return (null, new ApiError(415, "UnsupportedMediaType",
                $"The request body must be JSON (Content-Type: application/json), not '{http.Request.ContentType ?? "none"}'."));
        }
        string body;
        try
        {
            using var reader = new StreamReader(http.Request.Body);
            body = await reader.ReadToEndAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            return (null, new ApiError(e.StatusCode, e.StatusCode == 413 ? "RequestEntityTooLarge" : "BadRequest", e.Message));
        }
        return EntityReader.ReadBody(body, settings.MaxBatch);
    }
}
