namespace Tolk.Tidsbanken.Emulator.Internal;

/// <summary>An expected failure of an API call, answered in the OData error format <c>{"error":{"code","message"}}</c>.</summary>
internal sealed record ApiError(int Status, string Code, string Message)
{
    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError NotFound(string message) => new(404, "NotFound", message);

    public static ApiError Conflict(string message) => new(409, "Conflict", message);

    public static ApiError InvalidQuery(string detail) => BadRequest("The query specified in the URI is not valid. " + detail);
}
