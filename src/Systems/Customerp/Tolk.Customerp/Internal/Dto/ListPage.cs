using System.Text.Json.Nodes;

namespace Tolk.Customerp.Internal.Dto;

/// <summary>One page of a list: <c>{"items": [...], "next_cursor": "..." | null}</c>. Items stay raw so a bad one is reported, not fatal.</summary>
internal sealed record ListPage(JsonArray Items, string? NextCursor)
{
    /// <summary>The page, or null when the body is not a list page at all.</summary>
    public static ListPage? From(JsonNode? body) =>
        body is JsonObject o && o["items"] is JsonArray items && o["next_cursor"] is null or JsonValue
            ? new ListPage(items, o["next_cursor"] is JsonValue v && v.TryGetValue<string>(out var next) ? next : null)
            : null;
}
