using System.Text.Json.Nodes;
using Tolk.Customerp.Internal;

namespace Tolk.Customerp.Tests.Connector;

public sealed class RecordReaderTests
{
    private static readonly CustomerpCollection Contacts = CustomerpCollections.Find("contact")!;

    private static JsonObject Contact() => new()
    {
        ["id"] = 7, ["customer_id"] = 3, ["first_name"] = "Kari", ["last_name"] = "Nordmann", ["email"] = null, ["phone"] = null,
        ["title"] = null, ["created_at"] = "2025-01-01T10:00:00.000Z", ["updated_at"] = "2025-02-01T10:00:00.000Z", ["deleted_at"] = null,
        ["version"] = 2,
    };

    private static JsonNode Parsed(JsonObject o) => JsonNode.Parse(o.ToJsonString())!;

    [Fact]
    public void a_valid_record_keeps_every_field_and_its_modification_time()
    {
        var json = Contact();
        json["added_later"] = "a field this build does not know";
        var (record, problem, version) = RecordReader.Read(Contacts, Parsed(json));
        Assert.Null(problem);
        Assert.Equal("7", record!.Id);
        Assert.Equal(2, version);
        Assert.Equal("a field this build does not know", (string)record.Properties["added_later"]!);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 10, 0, 0, TimeSpan.Zero), record.ModifiedAt);
        Assert.False(record.Deleted);
    }

    [Theory]
    [InlineData("first_name", "12", "7")]
    [InlineData("customer_id", "\"3\"", "7")]
    [InlineData("updated_at", "\"yesterday\"", "7")]
    [InlineData("version", "null", "7")]
    [InlineData("id", "null", null)]
    [InlineData("id", "\"abc\"", "abc")]
    public void a_field_of_the_wrong_shape_is_a_problem_naming_the_record_and_the_field(string field, string value, string? id)
    {
        var json = Contact();
        json[field] = JsonNode.Parse(value);
        var (record, problem, _) = RecordReader.Read(Contacts, Parsed(json));
        Assert.Null(record);
        Assert.Equal(id, problem!.RecordId);
        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public void garbage_instead_of_a_record_is_a_problem_without_an_id()
    {
        var (record, problem, _) = RecordReader.Read(Contacts, JsonNode.Parse("\"garbage\""));
        Assert.Null(record);
        Assert.Null(problem!.RecordId);
    }

    [Fact]
    public void a_soft_deleted_record_is_read_as_deleted()
    {
        var json = Contact();
        json["deleted_at"] = "2025-03-01T10:00:00.000Z";
        Assert.True(RecordReader.Read(Contacts, Parsed(json)).Record!.Deleted);
    }
}
