using System.Globalization;
using System.Text.Json.Nodes;
using static Tolk.Sync.Conversion.JsonScalars;

namespace Tolk.Sync.Conversion;

/// <summary>Converts a field's value, as a connector delivers it, to the canonical value of a shared-model property.</summary>
public static class ValueReader
{
    /// <summary>
    /// Reads <paramref name="node"/> (the field's JSON value; null for JSON null) as a value of
    /// <paramref name="propertyKind"/>. Null and "" are no value. A field of another kind than its property is
    /// converted only where that is defined (a date-time field carrying a date, in its zone).
    /// </summary>
    public static Converted<CanonicalValue?> Read(JsonNode? node, FieldFormat format, DataKind propertyKind, string property)
    {
        if (node is null || (IsString(node, out var text) && text.Length == 0))
        {
            return Converted.Ok<CanonicalValue?>(null);
        }

        return (format.Kind, propertyKind) switch
        {
            (DataKind.DateTime, DataKind.Date) => ReadZonedDate(node, format, property),
            _ when format.Kind != propertyKind => Fail(property, node, $"a {format.Kind.Name()} field cannot carry a {propertyKind.Name()} property"),
            (DataKind.String, _) => IsString(node, out var s) ? Ok(CanonicalValue.OfText(s)) : Fail(property, node, "expected a string"),
            (DataKind.Integer, _) => IsInteger(node, out var n) ? Ok(new IntegerValue(n)) : Fail(property, node, "expected a whole number"),
            (DataKind.Decimal, _) => ReadDecimal(node, property),
            (DataKind.Boolean, _) => IsBoolean(node, out var b) ? Ok(new BooleanValue(b)) : Fail(property, node, "expected true or false"),
            (DataKind.Date, _) => ReadDate(node, property),
            (DataKind.DateTime, _) => ReadDateTime(node, format, property),
            (DataKind.Enum, _) => ReadEnum(node, format, property),
            (DataKind.Reference, _) => ReadReference(node, format, property),
            _ => Fail(property, node, $"unsupported kind {format.Kind}"),
        };
    }

    private static Converted<CanonicalValue?> ReadDecimal(JsonNode node, string property)
    {
        // Some APIs send decimals as strings to keep their precision: an invariant number in a string is accepted too.
        if (IsDecimal(node, out var number)
            || (IsString(node, out var text) && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number)))
        {
            return Ok(new DecimalValue(number));
        }

        return Fail(property, node, "expected a decimal number (invariant, with a '.' separator)");
    }

    private static Converted<CanonicalValue?> ReadDate(JsonNode node, string property) =>
        IsString(node, out var text) && DateOnly.TryParseExact(text, DateValue.Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Ok(new DateValue(date))
            : Fail(property, node, "expected a date written yyyy-MM-dd");

    private static Converted<CanonicalValue?> ReadDateTime(JsonNode node, FieldFormat format, string property)
    {
        if (!IsString(node, out var text) || !IsDateTime(text, out var local, out var offset))
        {
            return Fail(property, node, "expected an ISO 8601 date-time");
        }

        if (offset is { } known)
        {
            return Ok(new DateTimeValue(new DateTimeOffset(local, known)));
        }

        if (format.Zone is not { } zone)
        {
            return Fail(property, node, "the date-time has no UTC offset, and the field has no zone to read it in");
        }

        return zone.IsInvalidTime(local)
            ? Fail(property, node, $"the local time does not exist in {zone.Id} (skipped by the change to summer time)")
            : Ok(new DateTimeValue(TimeZones.FromLocal(local, zone)));
    }

    // The date is the calendar day of the instant in the field's zone: 23:30Z in winter is the next day in Oslo.
    private static Converted<CanonicalValue?> ReadZonedDate(JsonNode node, FieldFormat format, string property)
    {
        var read = ReadDateTime(node, format, property);
        if (!read.IsOk || read.Value is not DateTimeValue instant)
        {
            return read;
        }

        var local = TimeZones.ToZone(instant.Value, format.Zone ?? TimeZoneInfo.Utc);
        return Ok(new DateValue(DateOnly.FromDateTime(local.DateTime)));
    }

    private static Converted<CanonicalValue?> ReadEnum(JsonNode node, FieldFormat format, string property)
    {
        if (!IsString(node, out var text))
        {
            return Fail(property, node, "expected an enum value (a string)");
        }

        return format.Enum is { } map && map.TryToGlobal(text, out var global)
            ? Ok(new EnumValue(global))
            : Fail(property, node, "the enum value has no counterpart in the shared model");
    }

    private static Converted<CanonicalValue?> ReadReference(JsonNode node, FieldFormat format, string property)
    {
        var target = format.Reference ?? throw new InvalidOperationException($"{property}: a reference field needs a reference format");
        if (IsString(node, out var text))
        {
            return Ok(new ReferenceValue(target.Type, text, target.By));
        }

        return target.By is null && IsInteger(node, out var id)
            ? Ok(new ReferenceValue(target.Type, id.ToString(CultureInfo.InvariantCulture)))
            : Fail(property, node, target.By is null ? "expected a record id (a string or a whole number)" : $"expected the referenced record's {target.By}");
    }

    private static Converted<CanonicalValue?> Ok(CanonicalValue? value) => Converted.Ok(value);

    private static Converted<CanonicalValue?> Fail(string property, JsonNode node, string message) =>
        Converted.Fail<CanonicalValue?>(property, Show(node), message);
}
