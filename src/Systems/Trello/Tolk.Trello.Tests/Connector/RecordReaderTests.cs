using System.Text.Json.Nodes;
using Tolk.Trello.Internal;

namespace Tolk.Trello.Tests.Connector;

public sealed class RecordReaderTests
{
    private const string Id = "65e9743c0a68e7575e000008";

    private static JsonObject Organization() => new()
    {
        ["id"] = Id, ["name"] = "nordlys_as", ["displayName"] = "Nordlys AS", ["desc"] = "", ["website"] = null,
        ["url"] = "https://trello.com/w/nordlys_as", ["idBoards"] = new JsonArray("65e974780a68e7575e00000d"),
        ["memberships"] = new JsonArray(new JsonObject { ["id"] = "65e974780a68e7575e00000e", ["idMember"] = "65e974780a68e7575e00000f" }),
        ["dateLastActivity"] = "2024-03-07T08:01:00.000Z",
    };

    private static JsonObject Comment() => new()
    {
        ["id"] = Id, ["idMemberCreator"] = "65e974780a68e7575e00000f", ["type"] = "commentCard", ["date"] = "2024-03-07T08:01:00.000Z",
        ["appCreator"] = null, ["limits"] = new JsonObject(),
        ["data"] = new JsonObject
        {
            ["text"] = "Navn\n\nBeskrivelse", ["textData"] = new JsonObject { ["emoji"] = new JsonObject() },
            ["card"] = new JsonObject { ["id"] = "65e975680a68e7575e000018", ["name"] = "Kort", ["idShort"] = 1, ["shortLink"] = "AbCdEfGh" },
            ["board"] = new JsonObject { ["id"] = "65e974780a68e7575e00000d", ["name"] = "Tavle", ["shortLink"] = "HgFeDcBa" },
        },
        ["memberCreator"] = new JsonObject { ["id"] = "65e974780a68e7575e00000f", ["fullName"] = "Kari Nordmann" },
    };

    [Fact]
    public void a_workspace_keeps_every_field_including_ones_this_build_does_not_know()
    {
        var json = Organization();
        json["added_later"] = new JsonObject { ["nested"] = true };
        var (record, problem) = RecordReader.Read(TrelloDatatypes.OrganizationType, json);
        Assert.Null(problem);
        Assert.True(JsonNode.DeepEquals(json, record!.Properties));
        Assert.Equal(new DateTimeOffset(2024, 3, 7, 8, 1, 0, TimeSpan.Zero), record.ModifiedAt);
        Assert.False(record.Deleted);
    }

    [Fact]
    public void a_comment_s_compact_references_become_ids_and_an_edit_time_is_its_modification_time()
    {
        var json = Comment();
        json["data"]!["dateLastEdited"] = "2024-03-08T10:00:00.000Z";
        var (record, _) = RecordReader.Read(TrelloDatatypes.ActionType, json);
        Assert.Equal("65e975680a68e7575e000018", (string)record!.Properties["data"]!["card"]!);
        Assert.Equal("65e974780a68e7575e00000d", (string)record.Properties["data"]!["board"]!);
        Assert.Equal("65e974780a68e7575e00000f", (string)record.Properties["memberCreator"]!);
        Assert.NotNull(record.Properties["data"]!["textData"]);
        Assert.Equal(new DateTimeOffset(2024, 3, 8, 10, 0, 0, TimeSpan.Zero), record.ModifiedAt);
    }

    [Theory]
    [InlineData("organization", "displayName", "12345", Id)]
    [InlineData("organization", "name", "null", Id)]
    [InlineData("organization", "idBoards", "[\"nope\"]", Id)]
    [InlineData("organization", "dateLastActivity", "\"yesterday\"", Id)]
    [InlineData("organization", "id", "42", "42")]
    [InlineData("organization", "id", "\"abc\"", "abc")]
    [InlineData("action", "date", "12345", Id)]
    [InlineData("action", "idMemberCreator", "\"someone\"", Id)]
    [InlineData("action", "data", "\"text\"", Id)]
    public void a_field_of_the_wrong_shape_is_a_problem_naming_the_record_and_the_field(string datatype, string field, string value, string? id)
    {
        var json = datatype == "organization" ? Organization() : Comment();
        json[field] = JsonNode.Parse(value);
        var (record, problem) = RecordReader.Read(TrelloDatatypes.Find(datatype)!, json);
        Assert.Null(record);
        Assert.Equal(id, problem!.RecordId);
        Assert.Equal(field, problem.Field);
        Assert.Contains(field, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_comment_without_text_is_a_problem_naming_data_text()
    {
        var json = Comment();
        json["data"]!.AsObject().Remove("text");
        var (record, problem) = RecordReader.Read(TrelloDatatypes.ActionType, json);
        Assert.Null(record);
        Assert.Equal((Id, "data.text"), (problem!.RecordId, problem.Field));
    }

    [Fact]
    public void garbage_instead_of_a_record_is_a_problem_without_an_id()
    {
        var (record, problem) = RecordReader.Read(TrelloDatatypes.MemberType, JsonNode.Parse("\"garbage\""));
        Assert.Null(record);
        Assert.Null(problem!.RecordId);
    }
}
