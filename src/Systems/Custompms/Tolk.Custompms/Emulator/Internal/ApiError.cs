using System.Text.Json.Nodes;

namespace Tolk.Custompms.Emulator.Internal;

/// <summary>A Custompms error: the status and the body <c>{"error","message","field"}</c> every error answer carries.</summary>
internal sealed record ApiError(int Status, string Code, string Message, string? Field)
{
    public const string ValidationFailed = "validation_failed";
    public const string Unauthorized = "unauthorized";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string Conflict = "conflict";
    public const string SequenceExpired = "sequence_expired";
    public const string RateLimited = "rate_limited";
    public const string InternalError = "internal_error";
    public const string ServiceUnavailable = "service_unavailable";

    public static ApiError Validation(string? field, string message) => new(400, ValidationFailed, message, field);

    public static ApiError Missing(string what) => new(404, NotFound, $"No {what}.", null);

    public static ApiError Clash(string? field, string message) => new(409, Conflict, message, field);

    /// <summary>The error code Custompms uses for a status, for answers the emulator did not choose (faults, routing).</summary>
    public static string CodeFor(int status) => status switch
    {
        400 => ValidationFailed,
        401 => Unauthorized,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        410 => SequenceExpired,
        429 => RateLimited,
        503 => ServiceUnavailable,
        >= 500 => InternalError,
        _ => ValidationFailed,
    };

    /// <summary>A body for a status chosen from outside (an injected fault, the router).</summary>
    public static ApiError For(int status, string? message) => new(status, CodeFor(status), message ?? DefaultMessage(status), null);

    public JsonObject ToJson() => new() { ["error"] = Code, ["message"] = Message, ["field"] = Field };

    private static string DefaultMessage(int status) => status switch
    {
        401 => "A valid X-Api-Key header is required.",
        404 => "Not found.",
        409 => "The request conflicts with the current state.",
        429 => "Too many requests.",
        503 => "The service is temporarily unavailable.",
        >= 500 => "An unexpected error occurred.",
        _ => $"The request failed with status {status}.",
    };
}
