using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Tolk.Customerp.Emulator.Internal;

/// <summary>A list request's parameters: <c>limit</c>, <c>cursor</c>, <c>updated_since</c> and <c>include_deleted</c>.</summary>
internal sealed record ListQuery(int Limit, PageCursor? Cursor, DateTimeOffset? Since, bool IncludeDeleted)
{
    /// <summary>Parses and checks the query; a cursor must belong to this collection and query, and be current.</summary>
    public static (ListQuery? Query, Problem? Problem) Parse(IQueryCollection query, string collection, DateTimeOffset now, int generation)
    {
        var errors = new Dictionary<string, List<string>>();
        var limit = CustomerpAssumptions.DefaultLimit;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > CustomerpAssumptions.MaxLimit))
        {
            errors["limit"] = [$"must be an integer from 1 to {CustomerpAssumptions.MaxLimit}"];
        }
        DateTimeOffset? since = null;
        if (query.TryGetValue("updated_since", out var sinceText))
        {
            if (Rfc3339.TryParse(sinceText, out var parsed))
            {
                since = parsed;
            }
            else
            {
                errors["updated_since"] = ["must be an RFC 3339 date-time with an offset, such as 2026-01-05T09:00:00Z"];
            }
        }
        var includeDeleted = false;
        if (query.TryGetValue("include_deleted", out var deletedText))
        {
            switch (deletedText.ToString())
            {
                case "true": includeDeleted = true; break;
                case "false": break;
                default: errors["include_deleted"] = ["must be true or false"]; break;
            }
        }
        PageCursor? cursor = null;
        if (query.TryGetValue("cursor", out var cursorText))
        {
            cursor = PageCursor.Decode(cursorText.ToString());
            if (cursor is null)
            {
                errors["cursor"] = ["is not a cursor this API issued; use next_cursor exactly as returned"];
            }
            else if (cursor.Collection != collection || cursor.IncludeDeleted != includeDeleted || cursor.SinceTicks != since?.UtcTicks)
            {
                errors["cursor"] = ["belongs to another query; repeat updated_since and include_deleted as in the first request"];
            }
        }
        if (errors.Count > 0)
        {
            return (null, Problem.Invalid(errors));
        }
        if (cursor is not null && (cursor.Generation != generation || cursor.ExpiresTicks < now.UtcTicks))
        {
            return (null, Problem.CursorExpired("The cursor has expired; start the listing again without a cursor."));
        }
        return (new ListQuery(limit, cursor, since, includeDeleted), null);
    }

    /// <summary>Where the page starts: just after the cursor, and never before <c>updated_since</c>.</summary>
    public Position Start
    {
        get
        {
            var start = Since is { } since ? new Position(since.UtcTicks, 0) : new Position(long.MinValue, 0);
            if (Cursor is { } cursor)
            {
                var after = cursor.After.Id == int.MaxValue ? new Position(cursor.After.Ticks + 1, 0) : cursor.After with { Id = cursor.After.Id + 1 };
                start = after > start ? after : start;
            }
            return start;
        }
    }
}
