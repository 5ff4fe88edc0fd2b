using System.Globalization;
using Tolk.Sync.Conversion;

namespace Tolk.Sync.Configuration.Internal;

/// <summary>Reads the format keys of a property mapping (values, target, by, id, zone, time, places) for its field type.</summary>
internal static class FieldFormatReader
{
    /// <summary>The format of a field of <paramref name="kind"/> carrying <paramref name="property"/>; null after an error.</summary>
    public static FieldFormat? Read(YamlMap entry, DataKind kind, GlobalProperty property, SharedModel model, string subject)
    {
        var errors = entry.Errors.Count;
        Only(entry, subject, kind == DataKind.Enum, "values", "an enum field");
        Only(entry, subject, kind == DataKind.Reference, "target", "a reference field");
        Only(entry, subject, kind == DataKind.Reference, "by", "a reference field");
        Only(entry, subject, kind == DataKind.Reference, "id", "a reference field");
        Only(entry, subject, kind == DataKind.DateTime, "zone", "a datetime field");
        Only(entry, subject, kind == DataKind.DateTime && property.Kind == DataKind.Date, "time", "a datetime field that carries a date");
        Only(entry, subject, kind == DataKind.Decimal, "places", "a decimal field");

        var format = new FieldFormat(kind)
        {
            Enum = kind == DataKind.Enum ? EnumMapReader.Read(entry, property, subject) : null,
            Reference = kind == DataKind.Reference ? Reference(entry, property, model, subject) : null,
            Zone = Zone(entry, subject, required: kind == DataKind.DateTime && property.Kind == DataKind.Date),
            Time = Time(entry, subject),
            Places = Places(entry, subject),
        };
        return entry.Errors.Count == errors ? format : null;
    }

    private static void Only(YamlMap entry, string subject, bool allowed, string key, string fields)
    {
        if (!allowed && entry.Has(key))
        {
            entry.Errors.Add(entry.At(key), subject, $"'{key}' applies only to {fields}");
        }
    }

    private static ReferenceFormat? Reference(YamlMap entry, GlobalProperty property, SharedModel model, string subject)
    {
        // An unknown target type is the model's error, reported there once rather than in every mapping.
        if (property.Target is null || model.Find(property.Target) is null)
        {
            return null;
        }

        var target = entry.Scalar("target", subject);
        var by = entry.Scalar("by", subject);
        if ((target is null) == (by is null))
        {
            entry.Errors.Add(entry.Location, subject, "a reference needs either 'target' (the datatype whose id it holds) or 'by' (the property of the referenced record it holds)");
        }

        if (by is not null && model.Find(property.Target)?.Property(by) is null)
        {
            entry.Errors.Add(entry.At("by"), subject, $"'{by}' is not a property of {property.Target}");
        }

        var id = entry.Scalar("id", subject) ?? "string";
        if (id is not ("string" or "integer"))
        {
            entry.Errors.Add(entry.At("id"), subject, $"'id' must be string or integer, not '{id}'");
        }

        return new ReferenceFormat(property.Target, by, id == "integer");
    }

    private static TimeZoneInfo? Zone(YamlMap entry, string subject, bool required)
    {
        var id = entry.Scalar("zone", subject);
        if (id is null)
        {
            if (required)
            {
                entry.Errors.Add(entry.Location, subject, "a datetime field carrying a date needs a 'zone' (whose calendar day is the date?)");
            }

            return null;
        }

        var zone = TimeZones.Find(id);
        if (zone is null)
        {
            entry.Errors.Add(entry.At("zone"), subject, $"unknown time zone '{id}' (an IANA id such as Europe/Oslo)");
        }

        return zone;
    }

    private static TimeOnly Time(YamlMap entry, string subject)
    {
        var text = entry.Scalar("time", subject);
        if (text is null)
        {
            return TimeOnly.MinValue;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        entry.Errors.Add(entry.At("time"), subject, $"'time' must be written HH:mm, not '{text}'");
        return TimeOnly.MinValue;
    }

    private static int? Places(YamlMap entry, string subject)
    {
        var places = entry.Int("places", subject);
        if (places is > 28)
        {
            entry.Errors.Add(entry.At("places"), subject, "'places' must be between 0 and 28");
            return null;
        }

        return places;
    }
}
