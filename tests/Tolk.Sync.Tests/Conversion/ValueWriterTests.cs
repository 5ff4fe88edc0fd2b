using System.Text.Json.Nodes;
using Tolk.Sync.Conversion;

namespace Tolk.Sync.Tests.Conversion;

public sealed class ValueWriterTests
{
    private static FieldFormat Oslo(string time = "00:00") =>
        new(DataKind.DateTime) { Zone = TimeZones.Oslo, Time = TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture) };

    // Strings are shown unescaped ('+' stays '+'), quoted, so that "1" and 1 still differ.
    private static string? Write(CanonicalValue? value, FieldFormat format) =>
        ValueWriter.Write(value, format, "prop").Value switch
        {
            JsonValue text when text.GetValueKind() == System.Text.Json.JsonValueKind.String => $"\"{text.GetValue<string>()}\"",
            var node => node?.ToJsonString(),
        };

    [Theory]
    [InlineData("2024-01-15", "00:00", "2024-01-15T00:00:00+01:00")]
    [InlineData("2024-07-15", "00:00", "2024-07-15T00:00:00+02:00")]
    [InlineData("2024-03-31", "00:00", "2024-03-31T00:00:00+01:00")]
    [InlineData("2024-03-31", "23:59", "2024-03-31T23:59:00+02:00")]
    [InlineData("2024-10-27", "00:00", "2024-10-27T00:00:00+02:00")]
    [InlineData("2024-10-27", "23:59", "2024-10-27T23:59:00+01:00")]
    [InlineData("2024-03-31", "02:30", "2024-03-31T03:30:00+02:00")]
    [InlineData("2024-10-27", "02:30", "2024-10-27T02:30:00+02:00")]
    public void a_date_is_written_as_that_oslo_day_at_the_configured_time_with_the_offset_oslo_has_then(string date, string time, string expected) =>
        Assert.Equal($"\"{expected}\"", Write(new DateValue(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), Oslo(time)));

    [Theory]
    [InlineData("2024-01-15T09:00:00Z", "2024-01-15T10:00:00+01:00")]
    [InlineData("2024-07-15T08:00:00.5Z", "2024-07-15T10:00:00.5+02:00")]
    [InlineData("2024-03-31T00:59:59Z", "2024-03-31T01:59:59+01:00")]
    [InlineData("2024-03-31T01:00:00Z", "2024-03-31T03:00:00+02:00")]
    [InlineData("2024-10-27T00:30:00Z", "2024-10-27T02:30:00+02:00")]
    [InlineData("2024-10-27T01:30:00Z", "2024-10-27T02:30:00+01:00")]
    public void an_instant_is_written_with_the_oslo_offset_for_that_instant(string utc, string expected)
    {
        var instant = new DateTimeValue(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"\"{expected}\"", Write(instant, Oslo()));
    }

    [Fact]
    public void an_instant_for_a_field_without_zone_is_written_in_utc() =>
        Assert.Equal("\"2024-01-15T09:00:00Z\"", Write(new DateTimeValue(new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.FromHours(1))), new FieldFormat(DataKind.DateTime)));

    [Fact]
    public void a_decimal_is_written_with_the_systems_places_and_never_rounded()
    {
        var twoPlaces = new FieldFormat(DataKind.Decimal) { Places = 2 };
        Assert.Equal("12.50", Write(new DecimalValue(12.5m), twoPlaces));
        Assert.Equal("0.00", Write(new DecimalValue(0m), twoPlaces));
        Assert.Equal("0.1234567890123456789012345678", Write(new DecimalValue(0.1234567890123456789012345678m), new FieldFormat(DataKind.Decimal)));
        var rounded = ValueWriter.Write(new DecimalValue(12.345m), twoPlaces, "unit_price");
        Assert.False(rounded.IsOk);
        Assert.Equal("unit_price", rounded.Error!.Property);
        Assert.Equal("12.345", rounded.Error.Value);
    }

    [Fact]
    public void no_value_is_written_as_json_null() => Assert.Null(Write(null, new FieldFormat(DataKind.String)));

    [Fact]
    public void an_enum_value_without_counterpart_in_the_system_is_an_error()
    {
        var format = new FieldFormat(DataKind.Enum) { Enum = new EnumMap([new("open", "planned")]) };
        Assert.Equal("\"open\"", Write(new EnumValue("planned"), format));
        Assert.False(ValueWriter.Write(new EnumValue("cancelled"), format, "status").IsOk);
    }

    [Fact]
    public void references_are_written_as_the_systems_ids_and_must_be_of_the_fields_kind()
    {
        var integerIds = new FieldFormat(DataKind.Reference) { Reference = new("person", null, true) };
        Assert.Equal("100", Write(new ReferenceValue("person", "100"), integerIds));
        Assert.False(ValueWriter.Write(new ReferenceValue("person", "US-1"), integerIds, "manager").IsOk);
        Assert.False(ValueWriter.Write(new ReferenceValue("person", "a@b.no", "email"), integerIds, "manager").IsOk);
        Assert.False(ValueWriter.Write(new ReferenceValue("organization", "100"), integerIds, "manager").IsOk);
        var byEmail = new FieldFormat(DataKind.Reference) { Reference = new("person", "email", false) };
        Assert.Equal("\"a@b.no\"", Write(new ReferenceValue("person", "a@b.no", "email"), byEmail));
    }

    [Fact]
    public void a_value_of_another_kind_than_the_field_is_an_error() =>
        Assert.False(ValueWriter.Write(CanonicalValue.OfText("x"), new FieldFormat(DataKind.Integer), "n").IsOk);
}
