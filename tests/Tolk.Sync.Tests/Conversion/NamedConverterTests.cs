using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Tolk.Sync.Conversion;
using Tolk.Sync.Conversion.Named;

namespace Tolk.Sync.Tests.Conversion;

public sealed class NamedConverterTests
{
    private static readonly string[] Statuses = ["planned", "active", "completed", "cancelled"];

    private static ConverterContext Context(int fields, params string[] properties) =>
        new([.. Enumerable.Range(0, fields).Select(i => FieldPath.Parse($"f{i}"))], properties, new FieldFormat(DataKind.String));

    private static CanonicalValue? ReadStatus(INamedConverter converter, JsonNode?[] fields, string? current) =>
        converter.Read(Context(fields.Length, "status"), fields, [current is null ? null : new EnumValue(current)]).Value[0];

    // Applies a converter's write to the current fields, as the record mapper does.
    private static JsonNode?[] Apply(INamedConverter converter, string status, JsonNode?[] current)
    {
        var result = current.Select(n => n?.DeepClone()).ToArray();
        foreach (var assignment in converter.Write(Context(current.Length, "status"), [new EnumValue(status)], current).Value)
        {
            result[assignment.Field] = assignment.Value;
        }

        return result;
    }

    [Theory]
    [InlineData(false, false, null, "active")]
    [InlineData(false, false, "planned", "planned")]
    [InlineData(false, false, "completed", "active")]
    [InlineData(true, false, "planned", "completed")]
    [InlineData(true, true, "cancelled", "completed")]
    [InlineData(false, true, "active", "cancelled")]
    public void asana_project_completed_and_archived_read_as_a_status(bool completed, bool archived, string? current, string expected) =>
        Assert.Equal(new EnumValue(expected), ReadStatus(new AsanaProjectStatus(), [completed, archived], current));

    [Fact]
    public void writing_completed_leaves_asanas_archived_flag_alone()
    {
        var written = new AsanaProjectStatus().Write(Context(2, "status"), [new EnumValue("completed")], [false, true]).Value;
        Assert.Equal([0], written.Select(a => a.Field));
    }

    [Property]
    public bool asana_project_flags_survive_a_round_trip_through_the_status(bool completed, bool archived, byte current)
    {
        var converter = new AsanaProjectStatus();
        JsonNode?[] fields = [completed, archived];
        var status = ReadStatus(converter, fields, Statuses[current % 4])!;
        var back = Apply(converter, status.Text, fields);
        return back[0]!.GetValue<bool>() == completed && back[1]!.GetValue<bool>() == archived;
    }

    [Property]
    public bool every_status_survives_a_round_trip_through_asanas_flags(byte status, bool archivedBefore)
    {
        var converter = new AsanaProjectStatus();
        var value = Statuses[status % 4];
        var fields = Apply(converter, value, [false, archivedBefore]);
        return Equals(ReadStatus(converter, fields, value), new EnumValue(value));
    }

    [Theory]
    [InlineData(true, null, "completed")]
    [InlineData(true, "cancelled", "cancelled")]
    [InlineData(true, "active", "completed")]
    [InlineData(false, null, "active")]
    [InlineData(false, "planned", "planned")]
    [InlineData(false, "cancelled", "active")]
    public void a_completed_flag_reads_as_a_status_keeping_the_current_one_when_it_agrees(bool completed, string? current, string expected) =>
        Assert.Equal(new EnumValue(expected), ReadStatus(new CompletedStatus(), [completed], current));

    [Property]
    public bool every_status_survives_a_round_trip_through_a_completed_flag(byte status)
    {
        var converter = new CompletedStatus();
        var value = Statuses[status % 4];
        var flag = Apply(converter, value, [null]);
        return Equals(ReadStatus(converter, flag, value), new EnumValue(value))
            && flag[0]!.GetValue<bool>() == value is "completed" or "cancelled";
    }

    [Property]
    public bool a_completed_flag_survives_a_round_trip_through_the_status(bool completed, byte current)
    {
        var converter = new CompletedStatus();
        var status = ReadStatus(converter, [completed], Statuses[current % 4])!;
        return Apply(converter, status.Text, [completed])[0]!.GetValue<bool>() == completed;
    }

    [Fact]
    public void a_status_converter_rejects_a_value_that_is_not_a_boolean()
    {
        var read = new CompletedStatus().Read(Context(1, "status"), [JsonValue.Create("yes")], [null]);
        Assert.False(read.IsOk);
        Assert.Equal("\"yes\"", read.Error!.Value);
    }

    [Theory]
    [InlineData("Ole Martin Hansen", "OMH")]
    [InlineData("cher", "C")]
    [InlineData("  anne   lise  ", "AL")]
    [InlineData("Ana Maria de la Cruz", "AMDC")]
    [InlineData("Øystein Ålund", "ØÅ")]
    [InlineData("(ext) Per", "EP")]
    public void initials_are_the_first_letters_of_the_words_at_most_four(string name, string initials) =>
        Assert.Equal(initials, Initials.Of(name));

    [Fact]
    public void a_name_without_letters_gives_no_initials_and_nothing_is_written()
    {
        Assert.Null(Initials.Of(" - "));
        Assert.Empty(new Initials().Write(Context(1, "full_name"), [CanonicalValue.OfText("...")], [null]).Value);
    }

    [Theory]
    [InlineData("100", 100)]
    [InlineData("007", 7)]
    [InlineData("E-17", null)]
    [InlineData("0", null)]
    [InlineData("99999999999", null)]
    [InlineData("١٢", null)]
    public void a_tidsbanken_id_is_the_employee_number_when_it_is_a_positive_number_that_fits(string number, int? id) =>
        Assert.Equal(id, TidsbankenEmployeeId.ToId(number));

    [Fact]
    public void a_tidsbanken_id_read_back_keeps_the_current_employee_number()
    {
        var converter = new TidsbankenEmployeeId();
        var context = Context(1, "employee_number");
        Assert.Equal(CanonicalValue.OfText("E-17"), converter.Read(context, [412], [CanonicalValue.OfText("E-17")]).Value[0]);
        Assert.Equal(CanonicalValue.OfText("412"), converter.Read(context, [412], [null]).Value[0]);
        Assert.Empty(converter.Write(context, [CanonicalValue.OfText("E-17")], [null]).Value);
        Assert.Empty(converter.Write(context, [CanonicalValue.OfText("100")], [412]).Value);
    }

    [Property]
    public bool a_numeric_employee_number_becomes_the_id_and_reads_back_as_itself(PositiveInt number)
    {
        var converter = new TidsbankenEmployeeId();
        var context = Context(1, "employee_number");
        var text = number.Get.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var written = converter.Write(context, [CanonicalValue.OfText(text)], [null]).Value.Single().Value;
        return written!.GetValue<int>() == number.Get && Equals(converter.Read(context, [written], [null]).Value[0], CanonicalValue.OfText(text));
    }

    [Property]
    public bool coalesce_reads_back_what_it_wrote_whatever_the_fields_held(string? phone, string? mobile, NonEmptyString value)
    {
        var converter = new Coalesce();
        var context = Context(2, "phone");
        JsonNode?[] current = [phone, mobile];
        var fields = current.Select(n => n?.DeepClone()).ToArray();
        foreach (var assignment in converter.Write(context, [CanonicalValue.OfText(value.Get)], current).Value)
        {
            fields[assignment.Field] = assignment.Value;
        }

        return Equals(converter.Read(context, fields, [null]).Value[0], CanonicalValue.OfText(value.Get));
    }

    [Fact]
    public void coalesce_reads_the_first_field_with_a_value_and_no_value_clears_all()
    {
        var converter = new Coalesce();
        var context = Context(2, "phone");
        Assert.Equal(CanonicalValue.OfText("+47 1"), converter.Read(context, ["", "+47 1"], [null]).Value[0]);
        Assert.Equal([0, 1], converter.Write(context, [null], ["1", "2"]).Value.Select(a => a.Field));
        Assert.Equal([1], converter.Write(context, [CanonicalValue.OfText("3")], [null, "2"]).Value.Select(a => a.Field));
    }
}
