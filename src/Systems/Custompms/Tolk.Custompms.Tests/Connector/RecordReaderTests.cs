using System.Text.Json.Nodes;
using Tolk.Custompms.Internal;

namespace Tolk.Custompms.Tests.Connector;

public sealed class RecordReaderTests
{
    private static readonly CustompmsCollection Tasks = CustompmsCollections.Find("task")!;

    private static JsonObject Task() => new()
    {
        ["id"] = "3f2b8c1e-5d4a-4b6f-9e7d-1a2b3c4d5e6f", ["projectId"] = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", ["title"] = "Skriv tester",
        ["description"] = null, ["assigneeEmail"] = "kari@example.no", ["dueDate"] = "2026-03-15", ["done"] = false, ["priority"] = "high",
        ["createdAt"] = "2026-01-01T10:00:00.000Z", ["modifiedAt"] = "2026-02-01T10:00:00.123Z",
    };

    private static JsonNode Parsed(JsonObject o) => JsonNode.Parse(o.ToJsonString())!;

    [Fact]
    public void a_valid_record_keeps_every_field_and_its_modification_time()
    {
        var json = Task();
        json["addedLater"] = "a field this build does not know";
        var (record, problem) = RecordReader.Read(Tasks, Parsed(json));
        Assert.Null(problem);
        Assert.Equal("3f2b8c1e-5d4a-4b6f-9e7d-1a2b3c4d5e6f", record!.Id);
        Assert.True(JsonNode.DeepEquals(json, record.Properties));
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 10, 0, 0, 123, TimeSpan.Zero), record.ModifiedAt);
        Assert.False(record.Deleted);
    }

    [Fact]
    public void optional_fields_may_be_null_or_absent_and_an_enumeration_value_the_contract_does_not_list_is_kept()
    {
        var json = Task();
        json.Remove("description");
        json["done"] = null;
        json["priority"] = "urgent";
        var (record, problem) = RecordReader.Read(Tasks, Parsed(json));
        Assert.Null(problem);
        Assert.Equal("urgent", (string)record!.Properties["priority"]!);
    }

    [Theory]
    [InlineData("title", "12")]
    [InlineData("title", "null")]
    [InlineData("projectId", "null")]
    [InlineData("projectId", "\"PRJ-1\"")]
    [InlineData("dueDate", "\"15.03.2026\"")]
    [InlineData("done", "\"no\"")]
    [InlineData("modifiedAt", "\"yesterday\"")]
    [InlineData("modifiedAt", "\"2026-02-01\"")]
    [InlineData("createdAt", "null")]
    public void a_field_of_the_wrong_shape_is_a_problem_naming_the_record_and_the_field(string field, string value)
    {
        var json = Task();
        json[field] = JsonNode.Parse(value);
        var (record, problem) = RecordReader.Read(Tasks, Parsed(json));
        Assert.Null(record);
        Assert.Equal("3f2b8c1e-5d4a-4b6f-9e7d-1a2b3c4d5e6f", problem!.RecordId);
        Assert.Equal(field, problem.Field);
        Assert.Contains(field, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null", null)]
    [InlineData("42", "42")]
    [InlineData("\"abc\"", "abc")]
    public void a_record_without_a_uuid_is_a_problem_naming_the_id_it_has(string id, string? named)
    {
        var json = Task();
        json["id"] = JsonNode.Parse(id);
        var (record, problem) = RecordReader.Read(Tasks, Parsed(json));
        Assert.Null(record);
        Assert.Equal(named, problem!.RecordId);
        Assert.Equal("id", problem.Field);
    }

    [Fact]
    public void garbage_instead_of_a_record_is_a_problem_without_an_id()
    {
        var (record, problem) = RecordReader.Read(Tasks, JsonNode.Parse("\"garbage\""));
        Assert.Null(record);
        Assert.Null(problem!.RecordId);
    }

    [Fact]
    public void a_hard_delete_is_the_same_record_however_it_was_seen()
    {
        var fromLog = RecordReader.Deleted("x", DateTimeOffset.UnixEpoch);
        var fromGet = RecordReader.Deleted("x", null);
        Assert.True(fromLog.Deleted);
        Assert.True(JsonNode.DeepEquals(fromLog.Properties, fromGet.Properties));
    }
}
