using System.Net;
using Tolk.Connectors;
using Tolk.Connectors.Http;

namespace Tolk.Custompms.Internal;

/// <summary>Maps Custompms's answers (<c>{"error","message","field"}</c> bodies) and network failures to <see cref="Failure"/> values.</summary>
internal static class Failures
{
    /// <summary>The error code of a change-log position older than the retained window.</summary>
    public const string SequenceExpired = "sequence_expired";

    public static Failure From(ApiReply reply, CredentialGuard guard, string what)
    {
        var detail = (reply.ErrorCode, reply.ErrorMessage) switch
        {
            (null, null) => reply.Status.ToString(),
            ({ } code, null) => code,
            (null, { } text) => text,
            var (code, text) => $"{code}: {text}",
        };
        var message = $"{what}: {(int)reply.Status} {detail}";
        return reply.Status switch
        {
            HttpStatusCode.Unauthorized => new Failure(FailureKind.CredentialsRejected,
                guard.Rejected ?? $"credentials rejected for {CustompmsConnector.SystemName}: {message}"),
            HttpStatusCode.NotFound => new Failure(FailureKind.NotFound, message),
            HttpStatusCode.Conflict => new Failure(FailureKind.Conflict, message, reply.ErrorField),
            HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType =>
                new Failure(FailureKind.Rejected, message, reply.ErrorField),
            HttpStatusCode.TooManyRequests => new Failure(FailureKind.RateLimited, message, RetryAfter: reply.RetryAfter),
            _ => new Failure(FailureKind.Unavailable, message, RetryAfter: reply.RetryAfter),
        };
    }

    /// <summary>A successful answer whose body is not what the contract promises.</summary>
    public static Failure Malformed(ApiReply reply, string what, string expected) =>
        new(FailureKind.Unavailable, $"{what}: the API answered {(int)reply.Status} without {expected}");

    /// <summary>A call that never got an answer: the connection failed or every attempt timed out.</summary>
    public static Failure Unreachable(Exception e, string what) =>
        new(FailureKind.Unavailable, $"{what}: {CustompmsConnector.SystemName} could not be reached ({e.GetType().Name}: {e.Message})");

    /// <summary>Whether an exception is the network's (or a timeout), not a bug or the caller's cancellation.</summary>
    public static bool IsNetwork(Exception e, CancellationToken ct) =>
        e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or IOException
        || (e is OperationCanceledException && !ct.IsCancellationRequested);

    public static WriteOutcome Write(Failure failure) => new(null, failure);
}
