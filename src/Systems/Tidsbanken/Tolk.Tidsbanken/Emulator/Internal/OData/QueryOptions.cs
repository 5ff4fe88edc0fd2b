using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Tolk.Tidsbanken.Emulator.Internal.OData;

/// <summary>The OData system query options of one request, parsed and checked against the entity type.</summary>
internal sealed record QueryOptions(
    FilterNode? Filter,
    IReadOnlyList<FieldSpec>? Select,
    IReadOnlyList<OrderKey> OrderBy,
    int? Top,
    int? Skip,
    bool Count)
{
    private static readonly string[] Known = ["$filter", "$select", "$orderby", "$top", "$skip", "$count"];

    /// <summary>Parses the query string; on a single entity only <c>$select</c> is allowed.</summary>
    public static (QueryOptions? Options, ApiError? Error) Parse(IQueryCollection query, EntitySchema schema, bool single, int maxTop)
    {
        foreach (var (name, values) in query)
        {
            // Options without a '$' are custom query options: OData passes them by, so does Tidsbanken (assumed).
            if (!name.StartsWith('$'))
            {
                continue;
            }
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                return Fail($"The query parameter '{name}' is not supported.");
            }
            if (values.Count > 1)
            {
                return Fail($"Query option '{name}' was specified more than once, but it must be specified at most once.");
            }
            if (single && name != "$select")
            {
                return Fail($"The query option '{name}' is not allowed when a single entity is addressed by its key.");
            }
            if (string.IsNullOrWhiteSpace(values[0]))
            {
                return Fail($"The query option '{name}' must not be empty.");
            }
        }
        try
        {
            return (new QueryOptions(
                ParseFilter(query["$filter"], schema),
                ParseSelect(query["$select"], schema),
                OrderKey.ParseAll(query["$orderby"], schema),
                Integer(query["$top"], "$top", maxTop),
                Integer(query["$skip"], "$skip", null),
                CountFlag(query["$count"])), null);
        }
        catch (FilterSyntaxException e)
        {
            return (null, ApiError.InvalidQuery(e.Message));
        }
    }

    private static (QueryOptions?, ApiError?) Fail(string detail) => (null, ApiError.InvalidQuery(detail));

    private static FilterNode? ParseFilter(string? text, EntitySchema schema)
    {
        if (text is null)
        {
            return null;
        }
        var (node, error) = FilterParser.Parse(text, schema);
        return node ?? throw new FilterSyntaxException(error!);
    }

    private static List<FieldSpec>? ParseSelect(string? text, EntitySchema schema)
    {
        if (text is null || text.Trim() == "*")
        {
            return null;
        }
        var fields = new List<FieldSpec>();
        foreach (var part in text.Split(','))
        {
            var name = part.Trim();
            var field = schema.Find(name)
                ?? throw new FilterSyntaxException($"Could not find a property named '{name}' on type '{schema.QualifiedName}'.");
            if (!fields.Contains(field))
            {
                fields.Add(field);
            }
        }
        return fields;
    }

    private static int? Integer(string? text, string option, int? max)
    {
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new FilterSyntaxException(
                $"Invalid value '{text}' for {option} query option found. The {option} query option requires a non-negative integer value.");
        }
        if (max is { } limit && value > limit)
        {
            throw new FilterSyntaxException(
                $"The limit of '{limit}' for Top query has been exceeded. The value from the incoming request is '{value}'.");
        }
        return value;
    }

    private static bool CountFlag(string? text) => text switch
    {
        null or "false" => false,
        "true" => true,
        _ => throw new FilterSyntaxException($"'{text}' is not a valid count option: $count must be true or false."),
    };
}

/// <summary>One key of <c>$orderby</c>.</summary>
internal sealed record OrderKey(FieldSpec Field, bool Descending)
{
    public static List<OrderKey> ParseAll(string? text, EntitySchema schema)
    {
        var keys = new List<OrderKey>();
        if (text is null)
        {
            return keys;
        }
        foreach (var item in text.Split(','))
        {
            var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length is 0 or > 2 || (words.Length == 2 && words[1] is not ("asc" or "desc")))
            {
                throw new FilterSyntaxException($"Syntax error in '$orderby' at '{item.Trim()}': expected a property name, then asc or desc.");
            }
            var field = schema.Find(words[0])
                ?? throw new FilterSyntaxException($"Could not find a property named '{words[0]}' on type '{schema.QualifiedName}'.");
            if (keys.Any(k => k.Field == field))
            {
                throw new FilterSyntaxException($"Duplicate property named '{field.Name}' is not supported in '$orderby'.");
            }
            keys.Add(new OrderKey(field, words.Length == 2 && words[1] == "desc"));
        }
        return keys;
    }
}
