using Microsoft.AspNetCore.Http;
using Tolk.Custompms.Emulator.Internal;
using Tolk.Emulation.Data;
using A = Tolk.Custompms.Emulator.CustompmsAssumptions;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    private const string IdempotencyHeader = "Idempotency-Key";

    private static ApiResult Get(HttpContext http, Collection c, string id)
    {
        if (new QueryReader(http.Request.Query).Only() is { } error)
        {
            return ApiResult.Of(error);
        }
        return c.Table.Get(id) is { } record ? ApiResult.Json(200, record) : ApiResult.Of(NotFound(c, id));
    }

    private async Task<ApiResult> CreateAsync(HttpContext http, Collection c)
    {
        var (key, error) = (default(string), new QueryReader(http.Request.Query).Only());
        if (error is null)
        {
            (key, error) = IdempotencyKeyOf(http.Request);
        }
        var (bytes, bodyError) = error is null ? await RequestBody.ReadAsync(http.Request) : (null, null);
        if ((error ?? bodyError) is { } refused)
        {
            return ApiResult.Of(refused);
        }
        var apiKey = ApiKeyOf(http);
        lock (_sync)
        {
            var cutoff = Now().AddSeconds(-_settings.IdempotencyRetentionSeconds);
            if (key is not null && _idempotency.Find(apiKey, c.Schema.Name, key, cutoff) is { } first)
            {
                return ApiResult.Raw(201, first);
            }
            var (body, parseError) = RequestBody.Parse(bytes!);
            var (record, createError) = body is null ? (null, parseError) : Create(c, body, ChangeOrigin.Api);
            if (record is null)
            {
                return ApiResult.Of(createError!);
            }
            var created = ApiResult.Serialize(record);
            if (key is not null)
            {
                _idempotency.Remember(apiKey, c.Schema.Name, key, Now(), created);
            }
            return ApiResult.Raw(201, created);
        }
    }

    private async Task<ApiResult> ReplaceAsync(HttpContext http, Collection c, string id)
    {
        var error = new QueryReader(http.Request.Query).Only();
        var (bytes, bodyError) = error is null ? await RequestBody.ReadAsync(http.Request) : (null, null);
        if ((error ?? bodyError) is { } refused)
        {
            return ApiResult.Of(refused);
        }
        lock (_sync)
        {
            if (!c.Table.Contains(id))
            {
                return ApiResult.Of(NotFound(c, id));
            }
            var (body, parseError) = RequestBody.Parse(bytes!);
            var (record, replaceError) = body is null ? (null, parseError) : Replace(c, id, body, ChangeOrigin.Api);
            return record is null ? ApiResult.Of(replaceError!) : ApiResult.Json(200, record);
        }
    }

    private ApiResult Delete(HttpContext http, Collection c, string id)
    {
        if (new QueryReader(http.Request.Query).Only() is { } error)
        {
            return ApiResult.Of(error);
        }
        lock (_sync)
        {
            return Delete(c, id, ChangeOrigin.Api) is { } refused ? ApiResult.Of(refused) : ApiResult.NoContent();
        }
    }

    private static (string? Key, ApiError? Error) IdempotencyKeyOf(HttpRequest request)
    {
        var values = request.Headers[IdempotencyHeader];
        if (values.Count == 0)
        {
            return (null, null);
        }
        var key = values.Count == 1 ? values[0] : null;
        return string.IsNullOrWhiteSpace(key) || key.Length > A.MaxIdempotencyKeyLength
            ? (null, ApiError.Validation(IdempotencyHeader,
                $"{IdempotencyHeader} must be given once, not blank, and at most {A.MaxIdempotencyKeyLength} characters."))
            : (key, null);
    }
}
