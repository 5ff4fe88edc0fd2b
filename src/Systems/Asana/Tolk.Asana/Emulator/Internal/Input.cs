using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>Typed, defensive reads of the fields of a <c>data</c> object, with Asana's wording for bad values.</summary>
internal static class Input
{
    /// <summary>The first field that may not be written here: read-only ones, and names the resource does not have.</summary>
    public static ApiResult? Disallowed(JsonObject data, IReadOnlySet<string> writable, IReadOnlySet<string> known)
    {
        foreach (var (key, _) in data)
        {
            if (!writable.Contains(key))
            {
                return AsanaErrors.Bad(known.Contains(key) ? $"{key}: Cannot write this property" : $"{key}: Unknown property");
            }
        }
        return null;
    }

    /// <summary>A string of at most <paramref name="max"/> characters.</summary>
    public static Field<string> Text(JsonObject data, string field, int max)
    {
        if (!data.TryGetPropertyValue(field, out var node))
        {
            return Field<string>.Absent;
        }
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return Field<string>.Fail($"{field}: Value is not a string: {Show(node)}");
        }
        var text = value.GetValue<string>();
        return text.Length > max ? Field<string>.Fail($"{field}: Value is too long: the maximum is {max} characters") : Field<string>.Of(text);
    }

    /// <summary>A JSON boolean.</summary>
    public static Field<bool> Bool(JsonObject data, string field)
    {
        if (!data.TryGetPropertyValue(field, out var node))
        {
            return Field<bool>.Absent;
        }
        return node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? Field<bool>.Of(value.GetValue<bool>())
            : Field<bool>.Fail($"{field}: Value is not a boolean: {Show(node)}");
    }

    /// <summary>A date <c>yyyy-mm-dd</c>, or null to clear it.</summary>
    public static Field<string> Date(JsonObject data, string field)
    {
        if (!data.TryGetPropertyValue(field, out var node))
        {
            return Field<string>.Absent;
        }
        if (node is null)
        {
            return Field<string>.Of(null);
        }
        var text = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : Show(node);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? Field<string>.Of(text)
            : Field<string>.Fail($"{field}: Date must be in ISO-8601 (yyyy-mm-dd) format, not: {text}");
    }

    /// <summary>An ISO-8601 date-time, normalized to Asana's UTC form, or null to clear it.</summary>
    public static Field<string> DateTime(JsonObject data, string field)
    {
        if (!data.TryGetPropertyValue(field, out var node))
        {
            return Field<string>.Absent;
        }
        if (node is null)
        {
            return Field<string>.Of(null);
        }
        var text = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : Show(node);
        return text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? Field<string>.Of(Stamps.Format(at))
            : Field<string>.Fail($"{field}: Date-time must be in ISO-8601 format, not: {text}");
    }

    /// <summary>One of <paramref name="allowed"/> (or null when <paramref name="nullable"/>).</summary>
    public static Field<string> Enum(JsonObject data, string field, IReadOnlyCollection<string> allowed, bool nullable = false)
    {
        if (!data.TryGetPropertyValue(field, out var node))
        {
            return Field<string>.Absent;
        }
        if (node is null && nullable)
        {
            return Field<string>.Of(null);
        }
        var text = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        return text is not null && allowed.Contains(text)
            ? Field<string>.Of(text)
            : Field<string>.Fail($"{field}: Not a valid enum value: {Show(node)}. Valid values are: {string.Join(", ", allowed)}");
    }

    /// <summary>A gid as a string of digits (or null when <paramref name="nullable"/>); other strings pass when allowed.</summary>
    public static Field<string> Gid(JsonObject data, string field, bool nullable = false, Func<string, bool>? alsoAllowed = null)
    {
        if (!data.TryGetPropertyValue(field, out var node))
        {
            return Field<string>.Absent;
        }
        if (node is null)
        {
            return nullable ? Field<string>.Of(null) : Field<string>.Fail($"{field}: Not a valid GID type: null");
        }
        return GidValue(node, field, alsoAllowed);
    }

    /// <summary>An array of gids; Asana's create-only list fields also take a comma-separated string.</summary>
    public static Field<IReadOnlyList<string>> GidList(JsonObject data, string field, Func<string, bool>? alsoAllowed = null)
    {
        if (!data.TryGetPropertyValue(field, out var node))
        {
            return Field<IReadOnlyList<string>>.Absent;
        }
        IEnumerable<JsonNode?> items;
        if (node is JsonArray array)
        {
            items = array;
        }
        else if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            items = v.GetValue<string>().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => (JsonNode?)s);
        }
        else
        {
            return new(true, null, AsanaErrors.Bad($"{field}: Value is not an array: {Show(node)}"));
        }
        var gids = new List<string>();
        var i = 0;
        foreach (var item in items)
        {
            var one = item is null ? Field<string>.Fail($"{field}: [{i}]: Not a valid GID type: null") : GidValue(item, $"{field}: [{i}]", alsoAllowed);
            if (one.Error is not null)
            {
                return new(true, null, one.Error);
            }
            gids.Add(one.Value!);
            i++;
        }
        return new(true, gids, null);
    }

    /// <summary>Asana's wording for a value a field does not take.</summary>
    public static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString();

    private static Field<string> GidValue(JsonNode node, string field, Func<string, bool>? alsoAllowed = null)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            var kind = node.GetValueKind().ToString().ToLowerInvariant();
            return Field<string>.Fail($"{field}: Not a valid GID type: {kind}");
        }
        var text = value.GetValue<string>();
        return Gids.IsWellFormed(text) || alsoAllowed?.Invoke(text) == true
            ? Field<string>.Of(text)
            : Field<string>.Fail($"{field}: Not a recognized ID: {text}");
    }
}
