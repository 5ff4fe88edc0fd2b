using System.Globalization;
using System.Text.Json.Nodes;
using static Tolk.Sync.Conversion.JsonScalars;

namespace Tolk.Sync.Conversion;

/// <summary>The JSON form of canonical values, for the hub store (golden records, last synchronized values).</summary>
public static class CanonicalJson
{
    /// <summary>The value's JSON form (see <see cref="CanonicalValue"/>); null for no value.</summary>
    public static JsonNode? ToJson(CanonicalValue? value) => value switch
    {
        null => null,
        TextValue text => JsonValue.Create(text.Value),
        IntegerValue number => JsonValue.Create(number.Value),
        DecimalValue number => JsonValue.Create(number.Value),
        BooleanValue flag => JsonValue.Create(flag.Value),
        ReferenceValue reference => reference.By is null
            ? new JsonObject { ["ref"] = reference.Type, ["key"] = reference.Key }
            : new JsonObject { ["ref"] = reference.Type, ["key"] = reference.Key, ["by"] = reference.By },
        _ => JsonValue.Create(value.Text),
    };

    /// <summary>Reads a JSON form written by <see cref="ToJson"/> as a value of <paramref name="kind"/>.</summary>
    public static Converted<CanonicalValue?> FromJson(JsonNode? node, DataKind kind, string property)
    {
        if (node is null)
        {
            return Converted.Ok<CanonicalValue?>(null);
        }

        CanonicalValue? ok = kind switch
        {
            DataKind.String => IsString(node, out var s) ? CanonicalValue.OfText(s) : null,
            DataKind.Integer => IsInteger(node, out var n) ? new IntegerValue(n) : null,
            DataKind.Decimal => IsDecimal(node, out var d) ? new DecimalValue(d) : null,
            DataKind.Boolean => IsBoolean(node, out var b) ? new BooleanValue(b) : null,
            DataKind.Date => IsString(node, out var s) && DateOnly.TryParseExact(s, DateValue.Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new DateValue(date) : null,
            DataKind.DateTime => IsString(node, out var s) && IsDateTime(s, out var local, out var offset) && offset is { } known
                ? new DateTimeValue(new DateTimeOffset(local, known)) : null,
            DataKind.Enum => IsString(node, out var s) && s.Length > 0 ? new EnumValue(s) : null,
            DataKind.Reference => ReadReference(node),
            _ => null,
        };

        return ok is not null || (kind == DataKind.String && IsString(node, out _))
            ? Converted.Ok(ok)
            : Converted.Fail<CanonicalValue?>(property, Show(node), $"not the canonical JSON form of a {kind.Name()}");
    }

    private static ReferenceValue? ReadReference(JsonNode node)
    {
        if (node is not JsonObject obj || obj["ref"] is not JsonNode type || obj["key"] is not JsonNode key
            || !IsString(type, out var typeName) || !IsString(key, out var keyText))
        {
            return null;
        }

        var by = obj["by"] is JsonNode byNode && IsString(byNode, out var byText) ? byText : null;
        return new ReferenceValue(typeName, keyText, by);
    }
}
