using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Tolk.Custompms.Emulator.Internal;
using A = Tolk.Custompms.Emulator.CustompmsAssumptions;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    private ApiResult List(HttpContext http, Collection c)
    {
        var query = new QueryReader(http.Request.Query);
        var error = query.Only("page", "perPage", "modifiedSince");
        var (page, pageError) = query.Integer("page", 1, int.MaxValue, 1);
        var (perPage, perPageError) = query.Integer("perPage", 1, A.MaxPerPage, A.DefaultPerPage);
        var since = query.Text("modifiedSince");
        DateTimeOffset from = default;
        var sinceError = since is not null && !Rfc3339.TryParse(since, out from)
            ? ApiError.Validation("modifiedSince", "modifiedSince must be an RFC 3339 date-time with an offset, e.g. 2026-01-05T09:00:00.000Z (URL-encode a +).")
            : null;
        if ((error ?? pageError ?? perPageError ?? sinceError) is { } refused)
        {
            return ApiResult.Of(refused);
        }
        JsonArray items;
        int total;
        lock (_sync)
        {
            var (count, ids) = c.Order.Page(since is null ? null : Rfc3339.Format(CeilingToMillisecond(from)), (page - 1) * perPage, (int)perPage);
            total = count;
            items = new JsonArray(ids.Select(id => (JsonNode?)c.Table.Get(id)).ToArray());
        }
        var headers = new List<KeyValuePair<string, string>> { new("X-Total-Count", total.ToString(CultureInfo.InvariantCulture)) };
        if (page * perPage < total)
        {
            headers.Add(new("Link", $"<{PageUrl(http.Request, page + 1, perPage, since)}>; rel=\"next\""));
        }
        return ApiResult.Json(200, items, [.. headers]);
    }

    private static string PageUrl(HttpRequest request, long page, long perPage, string? since)
    {
        var query = new QueryBuilder { { "page", page.ToString(CultureInfo.InvariantCulture) }, { "perPage", perPage.ToString(CultureInfo.InvariantCulture) } };
        if (since is not null)
        {
            query.Add("modifiedSince", since);
        }
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query.ToQueryString());
    }

    // Stamps carry milliseconds: a record at .000 is not at or after .0005, so the bound rounds up.
    private static DateTimeOffset CeilingToMillisecond(DateTimeOffset at)
    {
        var truncated = Rfc3339.Truncate(at);
        return truncated < at && truncated.UtcTicks <= DateTimeOffset.MaxValue.UtcTicks - TimeSpan.TicksPerMillisecond
            ? truncated.AddMilliseconds(1)
            : truncated;
    }
}
