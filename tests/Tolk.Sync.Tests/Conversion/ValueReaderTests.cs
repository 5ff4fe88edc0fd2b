using System.Text.Json.Nodes;
using Tolk.Sync.Conversion;

namespace Tolk.Sync.Tests.Conversion;

public sealed class ValueReaderTests
{
    private static readonly FieldFormat Oslo = new(DataKind.DateTime) { Zone = TimeZones.Oslo };

    private static Converted<CanonicalValue?> Read(string json, DataKind kind, FieldFormat? format = null) =>
        ValueReader.Read(JsonNode.Parse(json), format ?? new FieldFormat(kind), kind, "prop");

    [Fact]
    public void an_empty_string_and_null_are_both_no_value()
    {
        Assert.Null(Read("\"\"", DataKind.String).Value);
        Assert.Null(ValueReader.Read(null, new FieldFormat(DataKind.String), DataKind.String, "prop").Value);
        Assert.Equal("  ", ((TextValue)Read("\"  \"", DataKind.String).Value!).Value);
    }

    [Fact]
    public void a_number_is_not_read_as_a_string_and_the_error_names_property_and_value()
    {
        var read = Read("150", DataKind.String);
        Assert.False(read.IsOk);
        Assert.Equal("prop", read.Error!.Property);
        Assert.Equal("150", read.Error.Value);
        Assert.Contains("prop", read.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains("150", read.Error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5", 5L)]
    [InlineData("5.0", 5L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void whole_numbers_are_read_as_integers(string json, long expected) =>
        Assert.Equal(new IntegerValue(expected), Read(json, DataKind.Integer).Value);

    [Theory]
    [InlineData("5.5")]
    [InlineData("\"5\"")]
    [InlineData("9223372036854775808")]
    [InlineData("true")]
    public void anything_else_is_not_an_integer(string json) => Assert.False(Read(json, DataKind.Integer).IsOk);

    [Theory]
    [InlineData("0.1234567890123456789012345678", "0.1234567890123456789012345678")]
    [InlineData("12.50", "12.5")]
    [InlineData("\"12.50\"", "12.5")]
    [InlineData("1e3", "1000")]
    [InlineData("-0.00", "0")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void decimals_keep_every_place_and_drop_trailing_zeros(string json, string canonical) =>
        Assert.Equal(canonical, Read(json, DataKind.Decimal).Value!.Text);

    [Theory]
    [InlineData("\"12,5\"")]
    [InlineData("\"twelve\"")]
    [InlineData("79228162514264337593543950336")]
    public void a_decimal_that_is_not_an_invariant_number_is_an_error(string json) => Assert.False(Read(json, DataKind.Decimal).IsOk);

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void booleans_are_json_booleans(string json, bool expected) => Assert.Equal(new BooleanValue(expected), Read(json, DataKind.Boolean).Value);

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("1")]
    public void a_boolean_written_as_text_or_a_number_is_an_error(string json) => Assert.False(Read(json, DataKind.Boolean).IsOk);

    [Theory]
    [InlineData("\"2024-02-29\"", true)]
    [InlineData("\"2023-02-29\"", false)]
    [InlineData("\"2024-2-1\"", false)]
    [InlineData("\"2024-13-01\"", false)]
    [InlineData("\"2024-03-01T00:00:00Z\"", false)]
    [InlineData("\"01.03.2024\"", false)]
    public void dates_are_read_only_when_real_and_written_yyyy_MM_dd(string json, bool valid)
    {
        var read = Read(json, DataKind.Date);
        Assert.Equal(valid, read.IsOk);
        if (!valid)
        {
            Assert.Equal(JsonNode.Parse(json)!.ToJsonString(), read.Error!.Value);
        }
    }

    [Theory]
    [InlineData("2024-03-31T03:30:00+02:00")]
    [InlineData("2024-03-31T01:30:00Z")]
    [InlineData("2024-03-31T01:30:00.0000000+00:00")]
    [InlineData("2024-03-30T20:30:00-05:00")]
    [InlineData("2024-03-31T07:00:00+0530")]
    public void date_times_with_any_offset_are_one_utc_instant(string text) =>
        Assert.Equal("2024-03-31T01:30:00.0000000Z", Read($"\"{text}\"", DataKind.DateTime).Value!.Text);

    [Fact]
    public void a_date_time_without_offset_is_an_error_unless_the_field_has_a_zone()
    {
        Assert.False(Read("\"2024-01-15T10:00:00\"", DataKind.DateTime).IsOk);
        Assert.Equal("2024-01-15T09:00:00.0000000Z", Read("\"2024-01-15T10:00:00\"", DataKind.DateTime, Oslo).Value!.Text);
        Assert.Equal("2024-07-15T08:00:00.0000000Z", Read("\"2024-07-15T10:00:00\"", DataKind.DateTime, Oslo).Value!.Text);
    }

    [Fact]
    public void a_local_time_skipped_by_the_spring_change_is_an_error_and_a_doubled_one_is_its_first_occurrence()
    {
        var skipped = Read("\"2024-03-31T02:30:00\"", DataKind.DateTime, Oslo);
        Assert.False(skipped.IsOk);
        Assert.Contains("does not exist", skipped.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("2024-10-27T00:30:00.0000000Z", Read("\"2024-10-27T02:30:00\"", DataKind.DateTime, Oslo).Value!.Text);
    }

    [Theory]
    [InlineData("2024-01-01T00:30:00+01:00", "2024-01-01")]
    [InlineData("2023-12-31T23:30:00Z", "2024-01-01")]
    [InlineData("2024-06-30T22:30:00Z", "2024-07-01")]
    [InlineData("2024-06-30T21:59:59Z", "2024-06-30")]
    [InlineData("2024-03-31T00:00:00+01:00", "2024-03-31")]
    [InlineData("2024-03-31T23:59:00+02:00", "2024-03-31")]
    [InlineData("2024-10-27T00:00:00+02:00", "2024-10-27")]
    [InlineData("2024-10-27T23:59:00+01:00", "2024-10-27")]
    [InlineData("2024-10-26T22:30:00Z", "2024-10-27")]
    public void a_date_time_carrying_a_date_gives_the_oslo_calendar_day(string text, string date) =>
        Assert.Equal(date, ValueReader.Read(JsonValue.Create(text), Oslo, DataKind.Date, "start_date").Value!.Text);

    [Fact]
    public void an_enum_value_is_mapped_and_one_without_counterpart_is_an_error_naming_it()
    {
        var format = new FieldFormat(DataKind.Enum) { Enum = new EnumMap([new("open", "planned"), new("done", "completed")]) };
        Assert.Equal(new EnumValue("completed"), ValueReader.Read(JsonValue.Create("done"), format, DataKind.Enum, "status").Value);
        var read = ValueReader.Read(JsonValue.Create("blocked"), format, DataKind.Enum, "status");
        Assert.Equal("status", read.Error!.Property);
        Assert.Equal("\"blocked\"", read.Error.Value);
        Assert.Contains("no counterpart", read.Error.Message, StringComparison.Ordinal);
        Assert.False(ValueReader.Read(JsonValue.Create("Done"), format, DataKind.Enum, "status").IsOk);
    }

    [Fact]
    public void references_hold_the_referenced_id_or_the_property_they_refer_by()
    {
        var byId = new FieldFormat(DataKind.Reference) { Reference = new("organization", null, true) };
        var byEmail = new FieldFormat(DataKind.Reference) { Reference = new("person", "email", false) };
        Assert.Equal(new ReferenceValue("organization", "17"), ValueReader.Read(JsonValue.Create(17), byId, DataKind.Reference, "customer").Value);
        Assert.Equal(new ReferenceValue("organization", "CO-000001"), ValueReader.Read(JsonValue.Create("CO-000001"), byId, DataKind.Reference, "customer").Value);
        Assert.Equal(new ReferenceValue("person", "a@b.no", "email"), ValueReader.Read(JsonValue.Create("a@b.no"), byEmail, DataKind.Reference, "assignee").Value);
        Assert.False(ValueReader.Read(JsonNode.Parse("{\"gid\":\"1\"}"), byId, DataKind.Reference, "customer").IsOk);
    }

    [Fact]
    public void a_field_of_another_kind_than_its_property_is_an_error() =>
        Assert.False(ValueReader.Read(JsonValue.Create("x"), new FieldFormat(DataKind.String), DataKind.Date, "start_date").IsOk);
}
