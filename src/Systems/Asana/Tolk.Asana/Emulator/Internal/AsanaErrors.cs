using System.Text.Json.Nodes;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>Asana's error bodies: <c>{"errors":[{"message","help"}]}</c>, with the wording the real service uses.</summary>
internal static class AsanaErrors
{
    public const string Help =
        "For more information on API status codes and how to handle them, read the docs on errors: https://developers.asana.com/docs/errors";

    public const string NotAuthorizedMessage = "Not Authorized";

    public const string RateLimitMessage =
        "You've made too many requests and hit a rate limit. Please retry after the given amount of time.";

    public const string SyncMessage =
        "Sync token invalid or too old. If you are attempting to keep resources in sync, you must fetch the full dataset for this query now and use the new sync token for the next sync.";

    public const string NoRoute = "No matching route for request";

    public const string InvalidJson = "Could not parse request data, invalid JSON";

    public const string InvalidOffset = "offset: Your pagination token is invalid.";

    public const string ExpiredOffset = "offset: Your pagination token has expired.";

    public const string TooLarge = "The result is too large. You should use pagination (may require specifying a workspace)!";

    /// <summary>An error with Asana's help line.</summary>
    public static ApiResult Error(int status, string message) => new(status, Body(message, help: true));

    /// <summary>400 with the message.</summary>
    public static ApiResult Bad(string message) => Error(400, message);

    /// <summary>400 "field: Missing input".</summary>
    public static ApiResult Missing(string field) => Bad($"{field}: Missing input");

    /// <summary>404 for an object named in the path that does not exist.</summary>
    public static ApiResult NotFound(string resourceType, string gid) => Error(404, $"{resourceType}: Not a recognized ID: {gid}");

    /// <summary>401 exactly as the documentation shows it.</summary>
    public static ApiResult NotAuthorized() => new(401, Body(NotAuthorizedMessage, help: false));

    /// <summary>429 with the documented body and the Retry-After header.</summary>
    public static ApiResult RateLimited(int retryAfterSeconds) =>
        new(429, Body(RateLimitMessage, help: false),
            new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>500 "Server Error" with a support phrase and no help line, as the documentation shows it.</summary>
    public static ApiResult ServerError(string phrase, string? message = null)
    {
        var error = new JsonObject { ["message"] = message ?? "Server Error", ["phrase"] = phrase };
        return new ApiResult(500, new JsonObject { ["errors"] = new JsonArray(error) });
    }

    /// <summary>412 with a fresh sync token beside the error.</summary>
    public static ApiResult SyncExpired(string freshToken)
    {
        var body = Body(SyncMessage, help: false);
        body["sync"] = freshToken;
        return new ApiResult(412, body);
    }

    /// <summary>The message each status answers with when nothing more specific is known (injected faults).</summary>
    public static string DefaultMessage(int status) => status switch
    {
        400 => "Bad Request",
        401 => NotAuthorizedMessage,
        402 => "This feature is only available to premium users.",
        403 => "Forbidden",
        404 => "Not Found",
        412 => SyncMessage,
        429 => RateLimitMessage,
        451 => "This request is unavailable for legal reasons.",
        500 => "Server Error",
        503 => "Service Unavailable. Asana is temporarily unable to handle the request; please try again later.",
        504 => "This request took too long to complete.",
        _ => $"Error {status}",
    };

    /// <summary>An error body for any status, as injected faults need it.</summary>
    public static JsonObject BodyFor(int status, string message, string phrase) => status switch
    {
        401 or 412 or 429 => Body(message, help: false),
        >= 500 => new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["phrase"] = phrase }) },
        _ => Body(message, help: true),
    };

    private static JsonObject Body(string message, bool help)
    {
        var error = new JsonObject { ["message"] = message };
        if (help)
        {
            error["help"] = Help;
        }
        return new JsonObject { ["errors"] = new JsonArray(error) };
    }
}
