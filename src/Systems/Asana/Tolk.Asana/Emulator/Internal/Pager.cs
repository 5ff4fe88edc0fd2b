using System.Globalization;
using System.Text.Json.Nodes;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>
/// Asana's limit/offset pagination over a listing sorted by gid: <c>limit</c> 1..100, <c>next_page</c> only when a
/// limit was sent, and a 400 for a listing too large to answer without one.
/// </summary>
internal sealed class Pager(OffsetTokens offsets)
{
    /// <summary>The most records a listing answers without a limit.</summary>
    public int MaxUnpaginated { get; set; } = 1000;

    /// <summary>Answers one page of <paramref name="items"/> (sorted by gid) rendered by <paramref name="render"/>.</summary>
    public ApiResult List(ApiRequest request, IReadOnlyList<JsonObject> items, Func<JsonObject, JsonObject> render)
    {
        int? limit = null;
        if (request.Param("limit") is { } rawLimit)
        {
            if (!int.TryParse(rawLimit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return AsanaErrors.Bad($"limit: Not a valid integer: {rawLimit}");
            }
            if (parsed is < 1 or > 100)
            {
                return AsanaErrors.Bad("limit: Must be between 1 and 100");
            }
            limit = parsed;
        }
        var scope = Scope(request);
        IEnumerable<JsonObject> remaining = items;
        if (request.Param("offset") is { } offset)
        {
            var (lastGid, error) = offsets.Read(offset, scope);
            if (error is not null)
            {
                return AsanaErrors.Bad(error);
            }
            remaining = items.Where(i => CompareGids((string?)i["gid"], lastGid) > 0);
        }
        var rest = remaining.ToList();
        if (limit is null)
        {
            return rest.Count > MaxUnpaginated
                ? AsanaErrors.Bad(AsanaErrors.TooLarge)
                : new ApiResult(200, new JsonObject { ["data"] = new JsonArray(rest.Select(i => (JsonNode)render(i)).ToArray()) });
        }
        var page = rest.Take(limit.Value).ToList();
        JsonNode? next = null;
        if (rest.Count > page.Count)
        {
            var token = offsets.Issue(scope, (string)page[^1]["gid"]!);
            var path = NextPath(request, token);
            next = new JsonObject { ["offset"] = token, ["path"] = path, ["uri"] = request.BaseUri + path };
        }
        return new ApiResult(200, new JsonObject
        {
            ["data"] = new JsonArray(page.Select(i => (JsonNode)render(i)).ToArray()),
            ["next_page"] = next,
        });
    }

    /// <summary>Compares gids as the numbers they are.</summary>
    public static int CompareGids(string? a, string? b) =>
        (a?.Length ?? 0) != (b?.Length ?? 0) ? (a?.Length ?? 0).CompareTo(b?.Length ?? 0) : string.CompareOrdinal(a, b);

    // An offset continues the listing it came from: the path and every filter, but not the page size or the fields.
    private static string Scope(ApiRequest request) =>
        request.Path + "?" + string.Join("&", request.Query
            .Where(q => q.Key is not ("offset" or "limit" or "opt_fields" or "opt_pretty"))
            .OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => q.Key + "=" + q.Value));

    private static string NextPath(ApiRequest request, string token)
    {
        var query = request.Query.Where(q => q.Key != "offset")
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value))
            .Append("offset=" + Uri.EscapeDataString(token));
        return request.Path + "?" + string.Join("&", query);
    }
}
