using System.Globalization;
using System.Text.Json.Nodes;

namespace Tolk.Trello.Emulator.Internal;

/// <summary>
/// The parameters every Trello action listing takes: <c>filter</c> (types, <c>type:field</c> for updates of one field),
/// <c>limit</c> (0-1000, default 50), <c>page</c> (page × limit under 1000), <c>since</c> and <c>before</c> (a date or an
/// action id), <c>fields</c>, <c>memberCreator</c>. Results come newest first.
/// </summary>
internal sealed record ActionQuery(
    IReadOnlyList<(string Type, string? Field)>? Filter, int Limit, int Page, string? SinceId, string? BeforeId,
    string[]? Fields, bool MemberCreator)
{
    public const int MaxLimit = 1000;

    public static (ActionQuery? Query, TrelloResponse? Error) Parse(TrelloArgs args, string defaultFilter)
    {
        var filter = ParseFilter(args.Raw("filter") ?? defaultFilter);
        if (!args.Text("filter").Valid || filter.Error)
        {
            return (null, TrelloResponse.Invalid("filter"));
        }
        if (!TryInt(args, "limit", 50, out var limit) || limit is < 0 or > MaxLimit)
        {
            return (null, TrelloResponse.Invalid("limit"));
        }
        if (!TryInt(args, "page", 0, out var page) || page < 0 || (long)page * limit >= MaxLimit && page > 0)
        {
            return (null, TrelloResponse.Invalid("page"));
        }
        if (!TryPosition(args, "since", out var since))
        {
            return (null, TrelloResponse.Invalid("since"));
        }
        if (!TryPosition(args, "before", out var before))
        {
            return (null, TrelloResponse.Invalid("before"));
        }
        var (fields, fieldError) = FieldSelection.Parse(args, Shape);
        if (fieldError is not null)
        {
            return (null, fieldError);
        }
        var memberCreator = args.Raw("memberCreator") ?? "true";
        if (memberCreator is not ("true" or "false"))
        {
            return (null, TrelloResponse.Invalid("memberCreator"));
        }
        return (new ActionQuery(filter.Types, limit, page, since, before, fields, memberCreator == "true"), null);
    }

    /// <summary>Filters, orders newest first and pages <paramref name="actions"/>.</summary>
    public IEnumerable<JsonObject> Apply(IEnumerable<JsonObject> actions) =>
        actions.Where(Matches)
            .Where(a => SinceId is null || string.CompareOrdinal((string)a["id"]!, SinceId) > 0)
            .Where(a => BeforeId is null || string.CompareOrdinal((string)a["id"]!, BeforeId) < 0)
            .OrderByDescending(a => (string)a["id"]!, StringComparer.Ordinal)
            .Skip(Page * Limit)
            .Take(Limit);

    private bool Matches(JsonObject action)
    {
        if (Filter is null)
        {
            return true;
        }
        var type = (string?)action["type"];
        var old = action["data"]?["old"] as JsonObject;
        return Filter.Any(f => f.Type == type && (f.Field is null || old?.ContainsKey(f.Field) == true));
    }

    // The fields an action has, for validating `fields`.
    private static readonly HashSet<string> Shape = new(StringComparer.Ordinal)
    {
        "id", "idMemberCreator", "data", "type", "date", "appCreator", "limits",
    };

    private static (IReadOnlyList<(string, string?)>? Types, bool Error) ParseFilter(string text)
    {
        if (text is "all" or "")
        {
            return (null, false);
        }
        var result = new List<(string, string?)>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var type = colon < 0 ? item : item[..colon];
            if (!ActionTypes.Known.Contains(type))
            {
                return (null, true);
            }
            result.Add((type, colon < 0 ? null : item[(colon + 1)..]));
        }
        return (result, false);
    }

    private static bool TryInt(TrelloArgs args, string name, int fallback, out int value)
    {
        var (text, valid) = args.Text(name);
        value = fallback;
        return valid && (text is null || int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value));
    }

    // A date or an action id; `null` and `lastView` (we keep no view times) mean no bound.
    private static bool TryPosition(TrelloArgs args, string name, out string? id)
    {
        var (text, valid) = args.Text(name);
        id = null;
        if (!valid)
        {
            return false;
        }
        if (text is null or "null" or "lastView")
        {
            return true;
        }
        if (TrelloIds.IsId(text))
        {
            id = text.ToLowerInvariant();
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            id = TrelloIds.Floor(date);
            return true;
        }
        return false;
    }
}
