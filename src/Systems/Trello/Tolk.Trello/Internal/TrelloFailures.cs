using System.Net;
using System.Text.RegularExpressions;
using Tolk.Connectors;
using Tolk.Connectors.Http;

namespace Tolk.Trello.Internal;

/// <summary>Maps Trello's answers (plain-text errors, JSON 429s) and network failures to <see cref="Failure"/> values.</summary>
internal static partial class TrelloFailures
{
    public static Failure From(TrelloReply reply, CredentialGuard guard, string what)
    {
        var message = $"{what}: {(int)reply.Status} {reply.Detail}";
        return reply.Status switch
        {
            HttpStatusCode.Unauthorized => new Failure(FailureKind.CredentialsRejected,
                guard.Rejected is { } reason ? $"{reason} ({what})" : $"credentials rejected for {TrelloConnector.SystemName}: {message}"),
            HttpStatusCode.Forbidden => new Failure(FailureKind.Rejected, $"{what}: Trello refused the permission: {reply.Detail}"),
            HttpStatusCode.NotFound => new Failure(FailureKind.NotFound, message),
            HttpStatusCode.BadRequest when reply.Detail.Equals("invalid id", StringComparison.OrdinalIgnoreCase) =>
                new Failure(FailureKind.Rejected, message, "id"),
            HttpStatusCode.BadRequest when TakenField(reply.Detail) is { } taken => new Failure(FailureKind.Conflict, message, taken),
            HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity =>
                new Failure(FailureKind.Rejected, message, InvalidField(reply.Detail)),
            HttpStatusCode.Conflict => new Failure(FailureKind.Conflict, message),
            HttpStatusCode.TooManyRequests => new Failure(FailureKind.RateLimited, message, RetryAfter: reply.RetryAfter),
            _ => new Failure(FailureKind.Unavailable, message, RetryAfter: reply.RetryAfter),
        };
    }

    /// <summary>A call that never got an answer: the connection failed or every attempt timed out.</summary>
    public static Failure Unreachable(Exception e, string what) =>
        new(FailureKind.Unavailable, $"{what}: {TrelloConnector.SystemName} could not be reached ({e.GetType().Name}: {e.Message})");

    /// <summary>Whether an exception is the network's (or a timeout), not a bug or the caller's cancellation.</summary>
    public static bool IsNetwork(Exception e, CancellationToken ct) =>
        e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or IOException
        || (e is OperationCanceledException && !ct.IsCancellationRequested);

    /// <summary>A successful answer whose body is not what the API promises.</summary>
    public static Failure Malformed(string what, string expected) =>
        new(FailureKind.Unavailable, $"{what}: the answer is not {expected}");

    public static WriteOutcome Write(Failure failure) => new(null, failure);

    // Trello names the parameter it refused: "invalid value for displayName".
    private static string? InvalidField(string detail) =>
        InvalidValue().Match(detail) is { Success: true } m ? m.Groups[1].Value : null;

    // "Username is taken", "Organization name is taken": a unique value in use.
    private static string? TakenField(string detail) =>
        detail.Contains("is taken", StringComparison.OrdinalIgnoreCase)
            ? detail.StartsWith("Username", StringComparison.OrdinalIgnoreCase) ? "username" : "name"
            : null;

    [GeneratedRegex(@"^invalid value for ([A-Za-z_][A-Za-z0-9_.]*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex InvalidValue();
}
