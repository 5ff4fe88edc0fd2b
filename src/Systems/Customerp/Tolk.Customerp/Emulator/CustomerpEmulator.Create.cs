using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    private const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>
    /// POST: with an <c>Idempotency-Key</c>, the first successful response is remembered by (token, key) and replayed for
    /// the same path and body; another path or body under that key gets 422. Lookup, create and remember happen under
    /// one lock, so two concurrent requests with one key cannot both create.
    /// </summary>
    private async Task<ApiResult> CreateAsync(HttpContext http, CollectionSchema schema)
    {
        var (bytes, problem) = await RequestBody.ReadAsync(http.Request, mergePatch: false);
        if (problem is not null)
        {
            return ApiResult.Of(problem);
        }
        var key = http.Request.Headers.TryGetValue(IdempotencyHeader, out var keyValue) ? keyValue.ToString() : null;
        if (key is not null && (key.Length is 0 or > CustomerpAssumptions.MaxIdempotencyKeyLength || key.Any(c => c is < ' ' or > '~')))
        {
            return ApiResult.Of(Problem.Field(IdempotencyHeader,
                $"must be 1 to {CustomerpAssumptions.MaxIdempotencyKeyLength} printable ASCII characters"));
        }
        var token = TokenOf(http);
        var fingerprint = SHA256.HashData([.. Encoding.UTF8.GetBytes(schema.Name + "\n"), .. bytes!]);
        lock (_sync)
        {
            var now = Context.Time.GetUtcNow();
            if (key is not null && _idempotency.Find(token, key, now) is { } stored)
            {
                return stored.Fingerprint.AsSpan().SequenceEqual(fingerprint)
                    ? ApiResult.Replay(stored)
                    : ApiResult.Of(Problem.Field(IdempotencyHeader, "was already used with another request", 422,
                        "This Idempotency-Key was used for a different request within the last 24 hours; use a new key for a new request."));
            }
            var (body, parseProblem) = RequestBody.Parse(bytes!);
            if (parseProblem is not null)
            {
                return ApiResult.Of(parseProblem);
            }
            var outcome = Create(schema, body, ChangeOrigin.Api);
            if (outcome.Problem is not null)
            {
                return ApiResult.Of(outcome.Problem);
            }
            var record = outcome.Record!;
            var response = new StoredResponse(fingerprint, 201, LocationOf(http, schema, RecordIndex.Id(record)), ETag(record).Value,
                ApiResult.Serialize(record));
            if (key is not null)
            {
                _idempotency.Remember(token, key, response, now.AddHours(_settings.IdempotencyWindowHours));
            }
            return ApiResult.Replay(response);
        }
    }
}
