using System.Text.Json.Nodes;
using Tolk.Crmoffice.Internal;

namespace Tolk.Crmoffice.Tests.Connector;

public sealed class MalformedRecordTests
{
    private static JsonObject Contact() => new()
    {
        ["id"] = "CT-000001", ["companyId"] = "CO-000001", ["givenName"] = "Kari", ["familyName"] = "Nordmann",
        ["isActive"] = true, ["createdAt"] = "2026-01-05T10:00:00+01:00", ["updatedAt"] = "2026-01-05T10:00:00+01:00",
    };

    [Theory]
    [InlineData("isActive", "\"yes\"")]
    [InlineData("companyId", "{\"id\":\"CO-000001\"}")]
    [InlineData("givenName", "42")]
    [InlineData("updatedAt", "\"2026-01-05\"")]
    public void a_field_of_the_wrong_type_is_a_problem_naming_the_id_and_field(string field, string json)
    {
        var record = Contact();
        record[field] = JsonNode.Parse(json);
        var item = RecordReader.Read(CrmofficeDatatypes.Contact, record);
        Assert.Null(item.Record);
        Assert.Equal("CT-000001", item.Problem!.RecordId);
        Assert.Equal(field, item.Problem.Field);
    }

    [Fact]
    public void a_record_without_an_id_or_not_an_object_is_a_problem()
    {
        var record = Contact();
        record.Remove("id");
        Assert.Equal("id", RecordReader.Read(CrmofficeDatatypes.Contact, record).Problem!.Field);
        Assert.NotNull(RecordReader.Read(CrmofficeDatatypes.Contact, JsonValue.Create("garbage")).Problem);
    }

    [Fact]
    public void a_wrong_typed_address_part_is_a_problem_on_address()
    {
        var company = new JsonObject
        {
            ["id"] = "CO-000001", ["name"] = "A", ["updatedAt"] = "2026-01-05T10:00:00+01:00",
            ["address"] = new JsonObject { ["street"] = "Gata 1", ["postalCode"] = 155 },
        };
        Assert.Equal("address", RecordReader.Read(CrmofficeDatatypes.Company, company).Problem!.Field);
    }

    [Fact]
    public void unknown_fields_are_kept_and_nothing_is_dropped()
    {
        var record = Contact();
        record["futureField"] = new JsonObject { ["nested"] = 1 };
        var read = RecordReader.Read(CrmofficeDatatypes.Contact, record).Record!;
        Assert.True(JsonNode.DeepEquals(record, read.Properties));
    }
}
