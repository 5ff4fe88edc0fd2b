using System.Globalization;
using System.Text.Json.Nodes;

namespace Tolk.Sync.Conversion;

/// <summary>Converts a canonical value back to a field's value as its system takes it (the inverse of <see cref="ValueReader"/>).</summary>
public static class ValueWriter
{
    /// <summary>The date-time format written to systems: whole seconds unless there is a fraction, and the offset.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    /// <summary>Writes <paramref name="value"/> (null: no value, written as JSON null) in the field's format.</summary>
    public static Converted<JsonNode?> Write(CanonicalValue? value, FieldFormat format, string property)
    {
        return (value, format.Kind) switch
        {
            (null, _) => Ok(null),
            (DateValue date, DataKind.DateTime) => Ok(WriteInstant(TimeZones.FromLocal(date.Value.ToDateTime(format.Time), format.Zone ?? TimeZoneInfo.Utc), format)),
            _ when value.Kind != format.Kind => Fail(property, value, $"a {value.Kind.Name()} value cannot be written to a {format.Kind.Name()} field"),
            (TextValue text, _) => Ok(JsonValue.Create(text.Value)),
            (IntegerValue number, _) => Ok(JsonValue.Create(number.Value)),
            (DecimalValue number, _) => WriteDecimal(number, format, property),
            (BooleanValue flag, _) => Ok(JsonValue.Create(flag.Value)),
            (DateValue date, _) => Ok(JsonValue.Create(date.Text)),
            (DateTimeValue instant, _) => Ok(WriteInstant(instant.Value, format)),
            (EnumValue item, _) => format.Enum is { } map && map.TryToSystem(item.Value, out var systemValue)
                ? Ok(JsonValue.Create(systemValue))
                : Fail(property, value, "the enum value has no counterpart in this system"),
            (ReferenceValue reference, _) => WriteReference(reference, format, property),
            _ => Fail(property, value, $"unsupported value {value.GetType().Name}"),
        };
    }

    private static JsonValue WriteInstant(DateTimeOffset instant, FieldFormat format)
    {
        if (format.Zone is null)
        {
            return JsonValue.Create(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        }

        return JsonValue.Create(TimeZones.ToZone(instant, format.Zone).ToString(DateTimeFormat, CultureInfo.InvariantCulture));
    }

    private static Converted<JsonNode?> WriteDecimal(DecimalValue number, FieldFormat format, string property)
    {
        if (format.Places is not { } places)
        {
            return Ok(JsonValue.Create(number.Value));
        }

        if (decimal.Round(number.Value, places) != number.Value)
        {
            return Fail(property, number, $"the system keeps {places} decimal places, and rounding would change the value");
        }

        // Adding a zero of the system's scale writes 12.5 as 12.50, as the system itself would.
        return Ok(JsonValue.Create(number.Value + new decimal(0, 0, 0, false, (byte)places)));
    }

    private static Converted<JsonNode?> WriteReference(ReferenceValue reference, FieldFormat format, string property)
    {
        var target = format.Reference ?? throw new InvalidOperationException($"{property}: a reference field needs a reference format");
        if (reference.Type != target.Type || reference.By != target.By)
        {
            var wanted = target.By is null ? "an id" : $"the {target.By}";
            return Fail(property, reference, $"the field holds {wanted} of a {target.Type}");
        }

        if (!target.IntegerIds)
        {
            return Ok(JsonValue.Create(reference.Key));
        }

        return long.TryParse(reference.Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? Ok(JsonValue.Create(id))
            : Fail(property, reference, "the system's ids are whole numbers");
    }

    private static Converted<JsonNode?> Ok(JsonNode? node) => Converted.Ok(node);

    private static Converted<JsonNode?> Fail(string property, CanonicalValue value, string message) =>
        Converted.Fail<JsonNode?>(property, value.Text, message);
}
