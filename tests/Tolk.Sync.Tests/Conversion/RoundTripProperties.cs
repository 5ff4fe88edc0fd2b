using System.Globalization;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Tolk.Sync.Conversion;

namespace Tolk.Sync.Tests.Conversion;

/// <summary>
/// Canonical → field → canonical gives the value back for every type (lossless where the types allow: the only loss
/// in plain conversion is "" ≡ no value), through the JSON a connector would see (serialised and parsed again).
/// </summary>
[Properties(Arbitrary = [typeof(Generators)], MaxTest = 300)]
public sealed class RoundTripProperties
{
    private static readonly EnumMap Custompms = new([new("open", "planned"), new("inProgress", "active"), new("done", "completed"), new("archived", "cancelled")]);

    private static CanonicalValue? RoundTrip(CanonicalValue value, FieldFormat format, DataKind propertyKind)
    {
        var written = ValueWriter.Write(value, format, "p");
        Assert.True(written.IsOk, written.Error?.ToString());
        var wire = written.Value is null ? null : JsonNode.Parse(written.Value.ToJsonString());
        var read = ValueReader.Read(wire, format, propertyKind, "p");
        Assert.True(read.IsOk, read.Error?.ToString());
        return read.Value;
    }

    private static bool Lossless(CanonicalValue value, FieldFormat format) => Equals(RoundTrip(value, format, format.Kind), value);

    [Property]
    public bool strings(NonEmptyString text) => Lossless(CanonicalValue.OfText(text.Get)!, new FieldFormat(DataKind.String));

    [Property]
    public bool integers(long number) => Lossless(new IntegerValue(number), new FieldFormat(DataKind.Integer));

    [Property]
    public bool decimals(decimal number) => Lossless(new DecimalValue(number), new FieldFormat(DataKind.Decimal));

    [Property]
    public bool decimals_that_fit_the_systems_places(int cents, byte places)
    {
        var scale = places % 5;
        var number = new DecimalValue(new decimal(cents) / (decimal)Math.Pow(10, scale));
        return Lossless(number, new FieldFormat(DataKind.Decimal) { Places = 4 });
    }

    [Property]
    public bool booleans(bool flag) => Lossless(new BooleanValue(flag), new FieldFormat(DataKind.Boolean));

    [Property]
    public bool dates(DateOnly date) => Lossless(new DateValue(date), new FieldFormat(DataKind.Date));

    [Property]
    public bool dates_through_an_oslo_date_time_at_any_time_of_day(DateOnly date, TimeOnly time)
    {
        var format = new FieldFormat(DataKind.DateTime) { Zone = TimeZones.Oslo, Time = time };
        return Equals(RoundTrip(new DateValue(date), format, DataKind.Date), new DateValue(date));
    }

    [Property]
    public bool instants_in_utc(DateTimeOffset instant) => Lossless(new DateTimeValue(instant), new FieldFormat(DataKind.DateTime));

    [Property]
    public bool instants_through_oslo_offsets(DateTimeOffset instant) =>
        Lossless(new DateTimeValue(instant), new FieldFormat(DataKind.DateTime) { Zone = TimeZones.Oslo });

    [Property]
    public Property instants_written_to_oslo_carry_the_offset_oslo_has_at_that_instant(DateTimeOffset instant)
    {
        var text = ValueWriter.Write(new DateTimeValue(instant), new FieldFormat(DataKind.DateTime) { Zone = TimeZones.Oslo }, "p").Value!.GetValue<string>();
        var written = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
        return (written.Offset == TimeZones.Oslo.GetUtcOffset(instant) && written == instant).Label(text);
    }

    [Fact]
    public void enums() =>
        Assert.All(Custompms.Pairs, pair => Assert.True(Lossless(new EnumValue(pair.Value), new FieldFormat(DataKind.Enum) { Enum = Custompms })));

    [Property]
    public bool references_by_string_id(NonEmptyString id) =>
        Lossless(new ReferenceValue("organization", id.Get), new FieldFormat(DataKind.Reference) { Reference = new("organization", null, false) });

    [Property]
    public bool references_by_integer_id(long id) =>
        Lossless(new ReferenceValue("person", id.ToString(CultureInfo.InvariantCulture)), new FieldFormat(DataKind.Reference) { Reference = new("person", null, true) });

    [Property]
    public bool canonical_json_round_trips_every_kind(NonEmptyString text, long number, decimal amount, bool flag, DateOnly date, DateTimeOffset instant)
    {
        CanonicalValue[] values =
        [
            CanonicalValue.OfText(text.Get)!, new IntegerValue(number), new DecimalValue(amount), new BooleanValue(flag),
            new DateValue(date), new DateTimeValue(instant), new EnumValue("active"),
            new ReferenceValue("person", text.Get), new ReferenceValue("person", text.Get, "email"),
        ];
        return values.All(value =>
            CanonicalJson.FromJson(JsonNode.Parse(CanonicalJson.ToJson(value)!.ToJsonString()), value.Kind, "p") is { IsOk: true } read
            && Equals(read.Value, value));
    }

    [Property]
    public bool equal_decimals_have_one_canonical_form(decimal number, byte extraZeros)
    {
        var padded = number;
        for (var i = 0; i < extraZeros % 10 && decimal.GetBits(padded)[3] >> 16 < 28; i++)
        {
            try
            {
                padded *= 1.0m;
            }
            catch (OverflowException)
            {
                break;
            }
        }

        return new DecimalValue(padded) == new DecimalValue(number) && new DecimalValue(padded).Text == new DecimalValue(number).Text;
    }

    [Property]
    public bool field_text_in_canonical_form_is_written_back_unchanged(DateOnly date)
    {
        var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var read = ValueReader.Read(JsonValue.Create(text), new FieldFormat(DataKind.Date), DataKind.Date, "p").Value;
        return ValueWriter.Write(read, new FieldFormat(DataKind.Date), "p").Value!.GetValue<string>() == text;
    }
}
