using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Asana.Emulator;

/// <summary>What every datatype's endpoints share: loading by gid, references, rendering and listing.</summary>
public sealed partial class AsanaEmulator
{
    /// <summary>The record a path gid names, or Asana's 400 (not a gid) or 404 (no such record).</summary>
    internal (JsonObject? Record, ApiResult? Error) Load(string resourceType, string gid)
    {
        if (!Gids.IsWellFormed(gid))
        {
            return (null, AsanaErrors.Bad($"{resourceType}: Not a recognized ID: {gid}"));
        }
        return TableOf(resourceType).Get(gid) is { } record ? (record, null) : (null, AsanaErrors.NotFound(resourceType, gid));
    }

    /// <summary>The record a body or query field refers to, or Asana's 400 for an unknown one.</summary>
    internal (JsonObject? Record, ApiResult? Error) Referenced(string field, string resourceType, string gid)
    {
        if (!Gids.IsWellFormed(gid))
        {
            return (null, AsanaErrors.Bad($"{field}: Not a recognized ID: {gid}"));
        }
        return TableOf(resourceType).Get(gid) is { } record ? (record, null) : (null, AsanaErrors.Bad($"{field}: Unknown object: {gid}"));
    }

    /// <summary>A user named as Asana allows: a gid, an email, or "me".</summary>
    internal (JsonObject? User, ApiResult? Error) ReferencedUser(string field, string value, string callerGid)
    {
        if (value == "me")
        {
            return Referenced(field, ResourceTypes.User, callerGid);
        }
        if (value.Contains('@', StringComparison.Ordinal))
        {
            var byEmail = Users.Where(u => string.Equals((string?)u["email"], value, StringComparison.OrdinalIgnoreCase)) is [var first, ..] ? first : null;
            return byEmail is not null ? (byEmail, null) : (null, AsanaErrors.Bad($"{field}: Unknown object: {value}"));
        }
        return Referenced(field, ResourceTypes.User, value);
    }

    /// <summary>Whether a user value has one of the forms Asana accepts besides a gid.</summary>
    internal static bool IsUserAlias(string value) => value == "me" || value.Contains('@', StringComparison.Ordinal);

    /// <summary>The full record the path names, or the error.</summary>
    internal ApiResult GetOne(string resourceType, ApiRequest request)
    {
        var (record, error) = Load(resourceType, request.Gid);
        return record is null ? error! : Full(record, request);
    }

    /// <summary>200 with the full record (or the opt_fields asked for).</summary>
    internal ApiResult Full(JsonObject record, ApiRequest request) => ApiResult.Ok(_render.Full(record, request.Fields));

    /// <summary>201 with the full record and its Location.</summary>
    internal ApiResult CreatedResult(JsonObject record, ApiRequest request, string collectionPath) =>
        ApiResult.Created(_render.Full(record, request.Fields), $"{request.BaseUri}/{collectionPath}/{record["gid"]}");

    /// <summary>One page of compact records, sorted by gid.</summary>
    internal ApiResult List(ApiRequest request, IEnumerable<JsonObject> records) =>
        _pager.List(request, records.OrderBy(r => (string?)r["gid"], GidComparer.Instance).ToList(), r => _render.Compact(r, request.Fields));

    /// <summary>Stores an edited record as of now, raising the change; an edit that changes nothing is not one.</summary>
    internal void Save(RecordTable table, JsonObject record, ChangeOrigin origin)
    {
        var gid = (string)record["gid"]!;
        if (table.Get(gid) is { } stored && JsonNode.DeepEquals(stored, record))
        {
            return;
        }
        Touch(table.Name, record, Context.Time.GetUtcNow());
        table.Put(gid, record, origin);
    }

    /// <summary>The workspaces the user belongs to.</summary>
    internal HashSet<string> WorkspacesOf(string userGid) =>
        Users.Get(userGid)?["workspaces"] is JsonArray ws ? ws.Select(w => (string)w!["gid"]!).ToHashSet(StringComparer.Ordinal) : [];

    /// <summary>Asana's html form of plain text.</summary>
    internal static string Html(string text) => "<body>" + WebUtility.HtmlEncode(text) + "</body>";

    /// <summary>The plain text of an html field, or null when it is not wrapped in a body element.</summary>
    internal static string? PlainText(string html)
    {
        var trimmed = html.Trim();
        if (!trimmed.StartsWith("<body>", StringComparison.Ordinal) || !trimmed.EndsWith("</body>", StringComparison.Ordinal))
        {
            return null;
        }
        return WebUtility.HtmlDecode(Tags().Replace(trimmed[6..^7], ""));
    }

    /// <summary>Reads a text field and its html twin, keeping both in step on the record.</summary>
    internal static ApiResult? TextWithHtml(JsonObject data, JsonObject record, string field, string htmlField, int max)
    {
        var text = Input.Text(data, field, max);
        var html = Input.Text(data, htmlField, max);
        if ((text.Error ?? html.Error) is { } error)
        {
            return error;
        }
        if (html.Present)
        {
            if (PlainText(html.Value!) is not { } plain)
            {
                return AsanaErrors.Bad($"{htmlField}: XML is invalid: the value must be wrapped in a <body> element");
            }
            record[htmlField] = html.Value;
            record[field] = text.Present ? text.Value : plain;
        }
        else if (text.Present)
        {
            record[field] = text.Value;
            record[htmlField] = Html(text.Value!);
        }
        return null;
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Tags();

    /// <summary>Orders gids numerically.</summary>
    internal sealed class GidComparer : IComparer<string?>
    {
        public static GidComparer Instance { get; } = new();

        public int Compare(string? x, string? y) => Pager.CompareGids(x, y);
    }
}
