using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tolk.Connectors;
using Tolk.Connectors.Http;
using Tolk.Tidsbanken.Internal.Dto;

namespace Tolk.Tidsbanken.Internal;

/// <summary>Turns the API's error answers (gateway or OData shape) into <see cref="Failure"/> values, naming the field.</summary>
internal static partial class Failures
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Failure From(ApiReply reply, string operation, CredentialGuard guard)
    {
        var message = Message(reply);
        var text = $"tidsbanken {operation} answered {(int)reply.Status}: {message}";
        return reply.Status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new Failure(FailureKind.CredentialsRejected, guard.Rejected switch
            {
                null => Credentials(operation, message),
                var reason when reply.ShortCircuited => reason,
                var reason => $"{reason} ({message})",
            }),
            HttpStatusCode.NotFound => new Failure(FailureKind.NotFound, text),
            HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed => new Failure(FailureKind.Conflict, text, ConflictField(message)),
            HttpStatusCode.TooManyRequests => new Failure(FailureKind.RateLimited, text, null, reply.RetryAfter ?? WaitIn(message)),
            HttpStatusCode.MethodNotAllowed => new Failure(FailureKind.NotSupported, text),
            _ when (int)reply.Status >= 500 => new Failure(FailureKind.Unavailable, text, null, reply.RetryAfter),
            _ => new Failure(FailureKind.Rejected, text, RejectedField(message)),
        };
    }

    /// <summary>The failure of a call that got no answer at all (after the retries, where the call may be retried).</summary>
    public static Failure Unreachable(string operation, Exception e) =>
        new(FailureKind.Unavailable, $"tidsbanken {operation} got no answer: {e.Message}");

    /// <summary>The API's message, from either error shape, or the raw text.</summary>
    public static string Message(ApiReply reply)
    {
        try
        {
            if (reply.Body?["error"] is not null)
            {
                return reply.Body.Deserialize<ODataError>(Json)?.Error?.Message ?? reply.Text;
            }
            if (reply.Body?["message"] is not null)
            {
                return reply.Body.Deserialize<GatewayError>(Json)?.Message ?? reply.Text;
            }
        }
        catch (JsonException)
        {
            // not one of the known shapes: fall through to the raw text
        }
        return reply.Text.Length > 300 ? reply.Text[..300] : reply.Text;
    }

    /// <summary>Whether a 409 is about the key itself (the record exists), as opposed to a merge key or a reference.</summary>
    public static bool IsKeyConflict(ApiReply reply) =>
        reply.Status == HttpStatusCode.Conflict && ConflictField(Message(reply)) == EntityType.Key;

    private static string Credentials(string operation, string message) =>
        $"credentials rejected for {TidsbankenApiClient.SystemName}: {operation} answered 401 ({message})";

    private static string? RejectedField(string message) =>
        PropertyPattern().Match(message) is { Success: true } m ? m.Groups["f"].Value
        : ReferencePattern().Match(message) is { Success: true } r ? r.Groups["f"].Value
        : null;

    private static string? ConflictField(string message) =>
        MergeKeyPattern().Match(message) is { Success: true } m ? m.Groups["f"].Value
        : KeyPattern().Match(message) is { Success: true } k ? k.Groups["f"].Value
        : null;

    private static TimeSpan? WaitIn(string message) =>
        WaitPattern().Match(message) is { Success: true } m ? TimeSpan.FromSeconds(int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture)) : null;

    [GeneratedRegex(@"property '(?<f>\w+)'")]
    private static partial Regex PropertyPattern();

    [GeneratedRegex(@"(?:^|: )(?<f>\w+Id) '?[^ ]*'? does not refer")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"(?:^|: )(?<f>\w+) '.*' is already used")]
    private static partial Regex MergeKeyPattern();

    [GeneratedRegex(@"with (?<f>\w+) '.*' already exists")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"Try again in (?<s>\d+) seconds?")]
    private static partial Regex WaitPattern();
}
