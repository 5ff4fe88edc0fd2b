using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Tolk.Customerp.Emulator.Internal;

/// <summary>
/// An RFC 7807 problem as Customerp writes it: always exactly <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c> and
/// <c>errors</c> (field name → messages; empty when the problem is not about fields).
/// </summary>
internal sealed record Problem(int Status, string Type, string Title, string Detail, IReadOnlyDictionary<string, List<string>> Errors)
{
    public const string MediaType = "application/problem+json";
    private const string TypeBase = "https://customerp.example/problems/";

    private static readonly Dictionary<int, (string Type, string Title)> Kinds = new()
    {
        [400] = ("validation-error", "Request is not valid"),
        [401] = ("unauthorized", "Authentication required"),
        [404] = ("not-found", "Resource not found"),
        [405] = ("method-not-allowed", "Method not allowed"),
        [409] = ("conflict", "Unique value already in use"),
        [412] = ("precondition-failed", "Precondition failed"),
        [413] = ("payload-too-large", "Request body too large"),
        [415] = ("unsupported-media-type", "Unsupported media type"),
        [422] = ("idempotency-key-reused", "Idempotency key reused"),
        [429] = ("rate-limited", "Too many requests"),
        [500] = ("internal-error", "Internal server error"),
        [503] = ("service-unavailable", "Service unavailable"),
    };

    /// <summary>The problem type of an expired or invalidated cursor, so a client can tell it to restart its listing.</summary>
    public const string CursorExpiredType = TypeBase + "cursor-expired";

    public static Problem Of(int status, string detail, IReadOnlyDictionary<string, List<string>>? errors = null)
    {
        var (type, title) = Kinds.TryGetValue(status, out var kind)
            ? (TypeBase + kind.Type, kind.Title)
            : ("about:blank", ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error");
        return new Problem(status, type, title, detail, errors ?? new Dictionary<string, List<string>>());
    }

    public static Problem Field(string field, string message, int status = 400, string? detail = null) =>
        Of(status, detail ?? $"{field}: {message}", new Dictionary<string, List<string>> { [field] = [message] });

    public static Problem Invalid(IReadOnlyDictionary<string, List<string>> errors) =>
        Of(400, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")), errors);

    public static Problem CursorExpired(string detail) =>
        Of(400, detail, new Dictionary<string, List<string>> { ["cursor"] = ["has expired"] }) with
        {
            Type = CursorExpiredType,
            Title = "Cursor expired",
        };

    public JsonObject ToJson()
    {
        var errors = new JsonObject();
        foreach (var (field, messages) in Errors)
        {
            errors[field] = new JsonArray(messages.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray());
        }
        return new JsonObject { ["type"] = Type, ["title"] = Title, ["status"] = Status, ["detail"] = Detail, ["errors"] = errors };
    }

    /// <summary>One line for the admin channel, which reports a person's refused edit as text.</summary>
    public override string ToString() => $"{Status} {Title}: {Detail}";
}
