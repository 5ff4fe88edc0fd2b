using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    private ApiResult List(HttpContext http, CollectionSchema schema)
    {
        var now = Context.Time.GetUtcNow();
        var (query, problem) = ListQuery.Parse(http.Request.Query, schema.Name, now, Volatile.Read(ref _generation));
        if (query is null)
        {
            return ApiResult.Of(problem!);
        }
        var collection = _collections[schema.Name];
        var items = new JsonArray();
        string? next = null;
        lock (_sync)
        {
            Position? last = null;
            foreach (var (position, deleted) in collection.Index.From(query.Start))
            {
                if (deleted && !query.IncludeDeleted)
                {
                    continue;
                }
                if (items.Count == query.Limit)
                {
                    next = new PageCursor(schema.Name, last!.Value, query.IncludeDeleted, query.Since?.UtcTicks, _generation,
                        (now + TimeSpan.FromSeconds(_settings.CursorLifetimeSeconds)).UtcTicks).Encode();
                    break;
                }
                items.Add(collection.Table.Get(Key(position.Id)));
                last = position;
            }
        }
        return ApiResult.Json(200, new JsonObject { ["items"] = items, ["next_cursor"] = next });
    }

    private ApiResult Get(HttpContext http, CollectionSchema schema, string idText)
    {
        var includeDeleted = false;
        if (http.Request.Query.TryGetValue("include_deleted", out var flag))
        {
            if (flag.ToString() is not ("true" or "false"))
            {
                return ApiResult.Of(Problem.Field("include_deleted", "must be true or false"));
            }
            includeDeleted = flag.ToString() == "true";
        }
        if (ParseId(idText) is not { } id || _collections[schema.Name].Table.Get(Key(id)) is not { } record)
        {
            return ApiResult.Of(Problem.Of(404, $"There is no {schema.Singular} with id '{idText}'."));
        }
        if (record["deleted_at"] is not null && !includeDeleted)
        {
            return ApiResult.Of(Problem.Of(404, $"{schema.Singular} {id} was deleted at {record["deleted_at"]}; pass include_deleted=true to read it."));
        }
        return ApiResult.Json(200, record, ETag(record));
    }

    private async Task<ApiResult> PatchAsync(HttpContext http, CollectionSchema schema, string idText)
    {
        if (ParseId(idText) is not { } id)
        {
            return ApiResult.Of(Problem.Of(404, $"There is no {schema.Singular} with id '{idText}'."));
        }
        var (bytes, readProblem) = await RequestBody.ReadAsync(http.Request, mergePatch: true);
        var outcome = Update(schema, id, () => readProblem is null ? RequestBody.Parse(bytes!) : (default, readProblem),
            IfMatch(http), ChangeOrigin.Api);
        return outcome.Problem is { } problem ? ApiResult.Of(problem) : ApiResult.Json(200, outcome.Record!, ETag(outcome.Record!));
    }

    private ApiResult Delete(HttpContext http, CollectionSchema schema, string idText)
    {
        if (ParseId(idText) is not { } id)
        {
            return ApiResult.Of(Problem.Of(404, $"There is no {schema.Singular} with id '{idText}'."));
        }
        var outcome = Delete(schema, id, IfMatch(http), ChangeOrigin.Api);
        return outcome.Problem is { } problem ? ApiResult.Of(problem) : ApiResult.NoContent();
    }

    private static string? IfMatch(HttpContext http) =>
        http.Request.Headers.TryGetValue("If-Match", out var value) ? value.ToString() : null;

    private static KeyValuePair<string, string> ETag(JsonObject record) => new("ETag", EntityTag.Of((int)record["version"]!));

    private string LocationOf(HttpContext http, CollectionSchema schema, int id) =>
        UriHelper.BuildAbsolute(http.Request.Scheme, http.Request.Host, path: $"{ApiPrefix}/{schema.Name}/{Key(id)}");

    private static int? ParseId(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
