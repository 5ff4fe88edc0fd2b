using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tolk.Crmoffice.Emulator.Internal;

/// <summary>A list request's <c>limit</c>, <c>offset</c> and <c>updatedAfter</c>, checked as the API checks them.</summary>
internal sealed record ListQuery(int Limit, int Offset, DateTimeOffset? UpdatedAfter)
{
    public static (ListQuery? Query, CrmError? Error) Parse(IQueryCollection query)
    {
        var errors = new List<CrmErrorDetail>();
        var limit = Integer(query, "limit", 1, CrmofficeAssumptions.MaxLimit, CrmofficeAssumptions.DefaultLimit, errors);
        var offset = Integer(query, "offset", 0, int.MaxValue, 0, errors);
        DateTimeOffset? after = null;
        if (Single(query, "updatedAfter", errors) is { } text)
        {
            if (CrmTime.TryParse(text, out var at))
            {
                after = at;
            }
            else
            {
                errors.Add(new("updatedAfter", "must be an ISO 8601 date-time with an offset, e.g. 2026-01-05T10:00:00%2B01:00 (encode + as %2B)"));
            }
        }
        return errors.Count > 0 ? (null, CrmError.Validation(errors)) : (new ListQuery(limit, offset, after), null);
    }

    /// <summary>The page of <paramref name="records"/> this query asks for, ordered by <c>updatedAt</c> then id, and the total.</summary>
    public (List<JsonObject> Items, int Total) Page(IEnumerable<JsonObject> records)
    {
        var matching = records
            .Select(r => (Record: r, At: CrmTime.Parse((string)r["updatedAt"]!)))
            .Where(x => UpdatedAfter is not { } after || x.At > after)
            .OrderBy(x => x.At)
            .ThenBy(x => (string?)x.Record["id"], StringComparer.Ordinal)
            .ToList();
        return (matching.Skip(Offset).Take(Limit).Select(x => x.Record).ToList(), matching.Count);
    }

    private static int Integer(IQueryCollection query, string name, int min, int max, int absent, List<CrmErrorDetail> errors)
    {
        if (Single(query, name, errors) is not { } text)
        {
            return absent;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors.Add(new(name, max == int.MaxValue ? $"must be an integer of {min} or more" : $"must be an integer from {min} to {max}"));
        return absent;
    }

    private static string? Single(IQueryCollection query, string name, List<CrmErrorDetail> errors)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }
        if (values.Count != 1)
        {
            errors.Add(new(name, "must be given once"));
            return null;
        }
        return values[0];
    }
}
