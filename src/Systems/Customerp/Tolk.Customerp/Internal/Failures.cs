using System.Net;
using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Connectors.Http;

namespace Tolk.Customerp.Internal;

/// <summary>Maps Customerp's answers (RFC 7807 problem bodies) and network failures to <see cref="Failure"/> values.</summary>
internal static class Failures
{
    /// <summary>The problem type of an expired or invalidated list cursor.</summary>
    public const string CursorExpiredType = "https://customerp.example/problems/cursor-expired";

    public static Failure From(ApiReply reply, CredentialGuard guard, string what)
    {
        var (field, detail) = Describe(reply.Body);
        var message = $"{what}: {(int)reply.Status} {detail ?? reply.Status.ToString()}";
        return reply.Status switch
        {
            HttpStatusCode.Unauthorized => new Failure(FailureKind.CredentialsRejected,
                guard.Rejected ?? $"credentials rejected for {CustomerpConnector.SystemName}: {message}"),
            HttpStatusCode.NotFound => new Failure(FailureKind.NotFound, message),
            HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.UnprocessableEntity =>
                new Failure(FailureKind.Conflict, message, field),
            HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType =>
                new Failure(FailureKind.Rejected, message, field),
            HttpStatusCode.TooManyRequests => new Failure(FailureKind.RateLimited, message, RetryAfter: reply.RetryAfter),
            _ => new Failure(FailureKind.Unavailable, message, RetryAfter: reply.RetryAfter),
        };
    }

    /// <summary>A call that never got an answer: the connection failed or every attempt timed out.</summary>
    public static Failure Unreachable(Exception e, string what) =>
        new(FailureKind.Unavailable, $"{what}: {CustomerpConnector.SystemName} could not be reached ({e.GetType().Name}: {e.Message})");

    /// <summary>Whether an exception is the network's (or a timeout), not a bug or the caller's cancellation.</summary>
    public static bool IsNetwork(Exception e, CancellationToken ct) =>
        e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or IOException
        || (e is OperationCanceledException && !ct.IsCancellationRequested);

    public static WriteOutcome Write(Failure failure) => new(null, failure);

    /// <summary>The first field named in <c>errors</c> and a one-line detail with every field's messages.</summary>
    private static (string? Field, string? Detail) Describe(JsonNode? body)
    {
        if (body is not JsonObject problem)
        {
            return (null, null);
        }
        var detail = problem["detail"] is JsonValue d && d.TryGetValue<string>(out var text) ? text : null;
        if (problem["errors"] is not JsonObject errors || errors.Count == 0)
        {
            return (null, detail);
        }
        var parts = errors.Select(e => $"{e.Key}: {(e.Value is JsonArray a ? string.Join(", ", a.Select(m => m?.ToString())) : e.Value?.ToString())}");
        return (errors.First().Key, detail ?? string.Join("; ", parts));
    }
}
