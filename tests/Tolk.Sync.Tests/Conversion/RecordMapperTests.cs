using System.Text.Json.Nodes;
using Tolk.Sync.Configuration;
using Tolk.Sync.Conversion;
using Tolk.Sync.Tests.Configuration;

namespace Tolk.Sync.Tests.Conversion;

/// <summary>The real mappings applied to records shaped as the connectors deliver them.</summary>
public sealed class RecordMapperTests
{
    private static RecordMapper Mapper(string key) =>
        RealConfiguration.Value.Mapper(RealConfiguration.Value.Mapping(DatatypeRef.TryParse(key)!)!);

    private static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    private static Dictionary<string, CanonicalValue?> Values(params (string Property, CanonicalValue? Value)[] values) =>
        values.ToDictionary(v => v.Property, v => v.Value, StringComparer.Ordinal);

    [Fact]
    public void an_asana_project_reads_onto_the_shared_model()
    {
        var read = Mapper("asana.project").Read(Json("""
            {"gid":"12","name":"Launch","notes":"","start_on":"2024-03-01","due_on":null,"completed":false,"archived":true,
             "team":"7","owner":"42","color":"light-green"}
            """));
        Assert.True(read.IsOk);
        Assert.Equal(CanonicalValue.OfText("Launch"), read.Values["name"]);
        Assert.Null(read.Values["description"]);
        Assert.Equal(new DateValue(new DateOnly(2024, 3, 1)), read.Values["start_date"]);
        Assert.Null(read.Values["end_date"]);
        Assert.Equal(new EnumValue("cancelled"), read.Values["status"]);
        Assert.Equal(new ReferenceValue("organization", "7"), read.Values["customer"]);
        Assert.Equal(new ReferenceValue("person", "42"), read.Values["manager"]);
        Assert.False(read.Values.ContainsKey("number"));
    }

    [Fact]
    public void a_field_absent_from_the_record_is_unknown_while_a_null_field_is_no_value()
    {
        var read = Mapper("customerp.customer").Read(Json("""{"id":1,"name":"Acme","email":null}"""));
        Assert.True(read.Values.ContainsKey("email"));
        Assert.Null(read.Values["email"]);
        Assert.False(read.Values.ContainsKey("phone"));
    }

    [Fact]
    public void writing_back_what_was_read_gives_the_same_fields()
    {
        var record = Json("""{"gid":"12","name":"Launch","notes":"Go","start_on":"2024-03-01","due_on":"2024-04-01","completed":true,"archived":true,"team":"7","owner":"42"}""");
        var mapper = Mapper("asana.project");
        var read = mapper.Read(record);
        var written = mapper.Write(read.Values, record);
        Assert.True(written.IsOk);
        foreach (var (field, value) in written.Fields)
        {
            Assert.True(JsonNode.DeepEquals(record[field], value), $"{field}: {value?.ToJsonString()} ≠ {record[field]?.ToJsonString()}");
        }

        Assert.False(written.Fields.ContainsKey("archived"));
    }

    [Fact]
    public void an_enum_value_without_counterpart_is_an_error_on_that_record_naming_property_and_value()
    {
        var read = Mapper("custompms.project").Read(Json("""{"id":"u1","name":"P","status":"blocked","key":"PRJ-1"}"""));
        var error = Assert.Single(read.Errors);
        Assert.Contains("status", error.Property, StringComparison.Ordinal);
        Assert.Equal("\"blocked\"", error.Value);
        Assert.False(read.Values.ContainsKey("status"));
        Assert.Equal(CanonicalValue.OfText("PRJ-1"), read.Values["number"]);
    }

    [Fact]
    public void the_first_asana_project_of_a_task_is_its_project_and_writing_keeps_the_others()
    {
        var mapper = Mapper("asana.task");
        var task = Json("""{"gid":"1","name":"T","projects":["10","11"]}""");
        Assert.Equal(new ReferenceValue("project", "10"), mapper.Read(task).Values["project"]);
        Assert.Null(mapper.Read(Json("""{"gid":"1","projects":[]}""")).Values["project"]);
        var written = mapper.Write(Values(("project", new ReferenceValue("project", "12"))), task);
        Assert.Equal("""["12","11"]""", written.Fields["projects"]!.ToJsonString());
        Assert.Equal("""["12"]""", mapper.Write(Values(("project", new ReferenceValue("project", "12")))).Fields["projects"]!.ToJsonString());
    }

    [Fact]
    public void an_asana_task_as_a_project_reads_its_completed_flag_as_a_status_keeping_the_golden_one()
    {
        var mapper = Mapper("asana.task:project");
        var task = Json("""{"gid":"1","name":"T","completed":false}""");
        Assert.Equal(new EnumValue("active"), mapper.Read(task).Values["status"]);
        Assert.Equal(new EnumValue("planned"), mapper.Read(task, Values(("status", new EnumValue("planned")))).Values["status"]);
    }

    [Fact]
    public void a_crmoffice_activity_is_a_project_only_when_its_type_is_project_and_inserting_writes_the_type()
    {
        var mapper = Mapper("crmoffice.activity:project");
        Assert.True(mapper.Mapping.Applies(Json("""{"type":"project"}""")));
        Assert.False(mapper.Mapping.Applies(Json("""{"type":"meeting"}""")));
        var values = Values(("name", CanonicalValue.OfText("Launch")), ("start_date", new DateValue(new DateOnly(2024, 3, 31))), ("end_date", new DateValue(new DateOnly(2024, 10, 27))));
        var inserted = mapper.Write(values, insert: true).Fields;
        Assert.Equal("project", inserted["type"]!.GetValue<string>());
        Assert.Equal("2024-03-31T00:00:00+01:00", inserted["startsAt"]!.GetValue<string>());
        Assert.Equal("2024-10-27T23:59:00+01:00", inserted["endsAt"]!.GetValue<string>());
        Assert.False(mapper.Write(values).Fields.ContainsKey("type"));
    }

    [Fact]
    public void a_crmoffice_activity_read_back_gives_the_oslo_dates_it_was_written_with()
    {
        var mapper = Mapper("crmoffice.activity:project");
        var read = mapper.Read(Json("""{"id":"AC-000001","type":"project","subject":"S","startsAt":"2024-06-30T23:30:00+02:00","endsAt":"2024-07-01T00:10:00+02:00","completed":true,"companyId":"CO-000002","ownerId":"US-000001"}"""));
        Assert.True(read.IsOk);
        Assert.Equal("2024-06-30", read.Values["start_date"]!.Text);
        Assert.Equal("2024-07-01", read.Values["end_date"]!.Text);
        Assert.Equal(new EnumValue("completed"), read.Values["status"]);
        Assert.Equal(new ReferenceValue("person", "US-000001"), read.Values["manager"]);
    }

    [Fact]
    public void a_crmoffice_company_of_category_product_is_a_product_and_not_an_organization()
    {
        var product = Json("""{"id":"CO-1","name":"Widget","category":"product"}""");
        var customer = Json("""{"id":"CO-2","name":"Acme","category":"customer"}""");
        Assert.True(Mapper("crmoffice.company:product").Mapping.Applies(product));
        Assert.False(Mapper("crmoffice.company").Mapping.Applies(product));
        Assert.True(Mapper("crmoffice.company").Mapping.Applies(customer));
        Assert.False(Mapper("crmoffice.company:product").Mapping.Applies(customer));
    }

    [Fact]
    public void crmoffice_addresses_are_read_and_written_through_nested_fields()
    {
        var mapper = Mapper("crmoffice.company");
        var read = mapper.Read(Json("""{"id":"CO-1","name":"Acme","address":{"street":"Storgata 1","postalCode":"0150","city":"Oslo","country":"NO"}}"""));
        Assert.Equal("0150", read.Values["postal_code"]!.Text);
        Assert.Null(mapper.Read(Json("""{"id":"CO-1","address":null}""")).Values["city"]);
        var written = mapper.Write(Values(("address_line", CanonicalValue.OfText("Kirkegata 2")), ("city", CanonicalValue.OfText("Bergen")))).Fields;
        Assert.Equal("""{"street":"Kirkegata 2","city":"Bergen"}""", written["address"]!.ToJsonString());
    }

    [Fact]
    public void a_person_read_from_a_full_name_gets_first_and_last_names_and_the_other_way_round()
    {
        var trello = Mapper("trello.member").Read(Json("""{"id":"a","fullName":"Ole Martin Hansen","initials":"OH","email":"ole@x.no"}"""));
        Assert.Equal("Ole Martin", trello.Values["first_name"]!.Text);
        Assert.Equal("Hansen", trello.Values["last_name"]!.Text);
        var customerp = Mapper("customerp.employee").Read(Json("""{"id":1,"first_name":"Kari","last_name":"Nordmann"}"""));
        Assert.Equal("Kari Nordmann", customerp.Values["full_name"]!.Text);
    }

    [Fact]
    public void a_trello_member_is_written_its_name_and_initials_but_never_its_email()
    {
        var written = Mapper("trello.member").Write(Values(("first_name", CanonicalValue.OfText("Kari")), ("last_name", CanonicalValue.OfText("Nordmann")), ("email", CanonicalValue.OfText("kari@x.no")))).Fields;
        Assert.Equal("Kari Nordmann", written["fullName"]!.GetValue<string>());
        Assert.Equal("KN", written["initials"]!.GetValue<string>());
        Assert.False(written.ContainsKey("email"));
    }

    [Fact]
    public void a_trello_comment_is_read_as_name_and_description_and_written_back_the_same()
    {
        var mapper = Mapper("trello.action:project");
        var action = Json("""{"id":"a1","type":"commentCard","data":{"text":"Launch\n\nFirst line\nSecond line","card":{"id":"c1"}}}""");
        var read = mapper.Read(action);
        Assert.Equal("Launch", read.Values["name"]!.Text);
        Assert.Equal("First line\nSecond line", read.Values["description"]!.Text);
        var written = mapper.Write(read.Values, action).Fields;
        Assert.Equal(action["data"]!["text"]!.GetValue<string>(), written["data"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void a_tidsbanken_ansatt_gets_its_id_from_the_employee_number_on_insert_only()
    {
        var mapper = Mapper("tidsbanken.ansatt");
        var values = Values(("employee_number", CanonicalValue.OfText("100")), ("first_name", CanonicalValue.OfText("Kari")));
        Assert.Equal(100, mapper.Write(values, insert: true).Fields["Id"]!.GetValue<int>());
        Assert.False(mapper.Write(values, Json("""{"Id":100}""")).Fields.ContainsKey("Id"));
        Assert.False(mapper.Write(Values(("employee_number", CanonicalValue.OfText("E-17"))), insert: true).Fields.ContainsKey("Id"));
        var read = mapper.Read(Json("""{"Id":412,"Fornavn":"Kari"}"""), Values(("employee_number", CanonicalValue.OfText("E-17"))));
        Assert.Equal("E-17", read.Values["employee_number"]!.Text);
    }

    [Fact]
    public void a_tidsbanken_prosjekt_reads_its_key_as_the_project_number_and_never_rewrites_it()
    {
        var mapper = Mapper("tidsbanken.prosjekt");
        Assert.Equal("P-1", mapper.Read(Json("""{"Id":"P-1","Navn":"X","Avsluttet":false,"AnsvarligId":100}""")).Values["number"]!.Text);
        var values = Values(("number", CanonicalValue.OfText("P-2")), ("manager", new ReferenceValue("person", "100")));
        Assert.False(mapper.Write(values, Json("""{"Id":"P-1"}""")).Fields.ContainsKey("Id"));
        var inserted = mapper.Write(values, insert: true).Fields;
        Assert.Equal("P-2", inserted["Id"]!.GetValue<string>());
        Assert.Equal(100, inserted["AnsvarligId"]!.GetValue<long>());
    }

    [Fact]
    public void an_asana_users_email_is_read_but_never_written()
    {
        var mapper = Mapper("asana.user");
        Assert.Equal("a@x.no", mapper.Read(Json("""{"gid":"1","name":"A B","email":"a@x.no"}""")).Values["email"]!.Text);
        Assert.False(mapper.Write(Values(("email", CanonicalValue.OfText("b@x.no")))).Fields.ContainsKey("email"));
    }

    [Fact]
    public void a_custompms_assignee_is_a_reference_to_a_person_by_email()
    {
        var mapper = Mapper("custompms.task");
        Assert.Equal(new ReferenceValue("person", "kari@x.no", "email"), mapper.Read(Json("""{"id":"t","assigneeEmail":"kari@x.no"}""")).Values["assignee"]);
        Assert.False(mapper.Write(Values(("assignee", new ReferenceValue("person", "42")))).IsOk);
    }

    [Fact]
    public void a_customerp_price_is_written_with_two_places_and_more_places_are_an_error()
    {
        var mapper = Mapper("customerp.product");
        Assert.Equal("12.50", mapper.Write(Values(("unit_price", new DecimalValue(12.5m)))).Fields["unit_price"]!.ToJsonString());
        var written = mapper.Write(Values(("unit_price", new DecimalValue(12.345m))));
        Assert.Contains("unit_price", Assert.Single(written.Errors).Property, StringComparison.Ordinal);
    }

    [Fact]
    public void a_crmoffice_contact_phone_comes_from_mobile_when_phone_is_empty_and_goes_back_there()
    {
        var mapper = Mapper("crmoffice.contact");
        var contact = Json("""{"id":"CT-1","givenName":"Kari","familyName":"N","phone":null,"mobilePhone":"+47 900"}""");
        Assert.Equal("+47 900", mapper.Read(contact).Values["phone"]!.Text);
        var written = mapper.Write(Values(("phone", CanonicalValue.OfText("+47 901"))), contact).Fields;
        Assert.Equal("+47 901", written["mobilePhone"]!.GetValue<string>());
        Assert.False(written.ContainsKey("phone"));
    }
}
