using Tolk.Sync.Configuration;
using Tolk.Sync.Conversion;

namespace Tolk.Sync.Tests.Configuration;

public sealed class RealConfigurationTests
{
    private static SyncConfiguration Config => RealConfiguration.Value;

    public static TheoryData<int, string, string, string> SpecFlows => new()
    {
        { 1, "000", "asana.team", "customerp.customer" },
        { 2, "000", "asana.workspace", "customerp.customer" },
        { 3, "000", "asana.project", "customerp.project" },
        { 4, "000", "asana.user", "customerp.employee" },
        { 5, "001", "asana.task:project", "custompms.project" },
        { 6, "001", "asana.team", "custompms.customer" },
        { 7, "001", "asana.workspace", "custompms.customer" },
        { 8, "001", "asana.project", "custompms.project" },
        { 9, "001", "asana.task", "custompms.task" },
        { 10, "002", "customerp.contact", "trello.member" },
        { 11, "002", "customerp.customer", "trello.organization" },
        { 12, "002", "customerp.project", "trello.action:project" },
        { 13, "002", "customerp.employee", "trello.member" },
        { 14, "003", "customerp.employee", "crmoffice.contact" },
        { 15, "003", "customerp.product", "crmoffice.company:product" },
        { 16, "003", "customerp.project", "crmoffice.activity:project" },
        { 17, "003", "customerp.contact", "crmoffice.contact" },
        { 18, "004", "customerp.customer", "tidsbanken.kunde" },
        { 19, "004", "customerp.employee", "tidsbanken.ansatt" },
        { 20, "004", "customerp.project", "tidsbanken.prosjekt" },
    };

    [Fact]
    public void the_real_configuration_loads_without_errors() =>
        Assert.True(RealConfiguration.Load.IsValid, string.Join(Environment.NewLine, RealConfiguration.Load.Errors));

    [Fact]
    public void there_are_exactly_the_twenty_flows_of_the_spec() =>
        Assert.Equal(Enumerable.Range(1, 20), Config.Flows.Select(f => f.Number));

    [Fact]
    public void the_model_has_the_five_global_types() =>
        Assert.Equal(["organization", "person", "project", "task", "product"], Config.Model.Types.Select(t => t.Name));

    [Fact]
    public void every_system_has_a_mapping_file() =>
        Assert.Equal(["asana", "crmoffice", "customerp", "custompms", "tidsbanken", "trello"], Config.Systems.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(SpecFlows))]
    public void every_flow_resolves_to_two_mapped_datatypes_of_one_global_type_with_a_non_empty_property_table(int number, string seed, string source, string target)
    {
        var flow = Config.Flow(number)!;
        Assert.Equal(seed, flow.Definition.Seed);
        Assert.Equal(source, flow.Source.Key);
        Assert.Equal(target, flow.Target.Key);
        Assert.Same(flow.Source, Config.Mapping(flow.Definition.Source));
        Assert.Same(flow.Target, Config.Mapping(flow.Definition.Target));
        Assert.Equal(flow.Source.GlobalType, flow.Target.GlobalType);
        Assert.NotEmpty(flow.Table.Rows);
        Assert.All(flow.Table.Rows, row => Assert.True(row.Source.Count > 0 && row.Target.Count > 0));
        Assert.All(flow.Table.Dropped, row => Assert.False(string.IsNullOrWhiteSpace(row.Reason)));
    }

    [Fact]
    public void every_flow_has_the_default_switches() =>
        Assert.All(Config.Flows.Select(f => f.Definition), flow =>
        {
            Assert.Equal(DeletePolicy.Unlink, flow.Delete);
            Assert.True(flow.SyncExisting);
            Assert.False(flow.ReadOnlyTarget);
            Assert.False(flow.Paused);
        });

    [Theory]
    [InlineData(1, "name")]
    [InlineData(3, "")]
    [InlineData(4, "email")]
    [InlineData(5, "")]
    [InlineData(9, "")]
    [InlineData(10, "email")]
    [InlineData(15, "")]
    [InlineData(18, "org_number email name")]
    [InlineData(20, "number")]
    public void merge_criteria_come_from_the_global_type_limited_to_keys_both_sides_read(int number, string keys) =>
        Assert.Equal(keys, string.Join(' ', Config.Flow(number)!.Merge.Select(k => k.Property)));

    [Fact]
    public void the_person_merge_key_is_email_compared_case_insensitively() =>
        Assert.Equal([new MergeKey("email", MergeCompare.CaseInsensitive)], Config.Model.Find("person")!.Merge);

    [Theory]
    [InlineData(4, "full_name", "name", "first_name, last_name", "full_name")]
    [InlineData(12, "name", "name", "data.text", null)]
    [InlineData(12, "description", "description", "data.text", null)]
    [InlineData(16, "start_date", "start_date", "startsAt", null)]
    [InlineData(16, "manager", "manager_id", "ownerId", null)]
    [InlineData(14, "phone", "phone", "phone, mobilePhone", null)]
    [InlineData(19, "employee_number", "employee_number", "Id", null)]
    [InlineData(3, "status", "completed, archived", "status", null)]
    [InlineData(9, "project", "projects[0]", "projectId", null)]
    [InlineData(18, "website", "website", "Url", null)]
    public void property_tables_join_the_expected_fields(int flow, string property, string sourceFields, string targetFields, string? derivation)
    {
        var row = Config.Flow(flow)!.Table.Rows.Single(r => r.Property == property);
        Assert.Equal(sourceFields, string.Join(", ", row.Source.Where(m => m.Reads).Select(m => m.FieldNames)));
        Assert.Equal(targetFields, string.Join(", ", row.Target.Where(m => m.Reads).Select(m => m.FieldNames)));
        Assert.Equal(derivation, row.Derivation);
    }

    [Theory]
    [InlineData(15, "sku", "crmoffice.company:product")]
    [InlineData(3, "number", "asana.project")]
    [InlineData(8, "manager", "custompms.project")]
    [InlineData(12, "status", "trello.action:project")]
    [InlineData(18, "country", "tidsbanken.kunde")]
    public void impossible_rows_are_dropped_with_the_mapping_files_reason(int flow, string property, string droppedBy)
    {
        var dropped = Config.Flow(flow)!.Table.Dropped.Single(d => d.Property == property);
        Assert.Equal(droppedBy, dropped.DroppedBy.Key);
        Assert.DoesNotContain(Config.Flow(flow)!.Table.Rows, r => r.Property == property);
    }

    [Theory]
    [InlineData("asana.user", "email", MappingDirection.ReadOnly)]
    [InlineData("trello.member", "email", MappingDirection.ReadOnly)]
    [InlineData("crmoffice.user", "email", MappingDirection.ReadOnly)]
    [InlineData("customerp.employee", "email", MappingDirection.Both)]
    public void read_only_fields_flow_one_way(string mapping, string property, MappingDirection direction) =>
        Assert.Equal(direction, Find(mapping).MappingsOf(property).Single().Direction);

    [Fact]
    public void trello_initials_are_written_from_the_name_but_never_read()
    {
        var initials = Find("trello.member").Properties.Single(p => p.Converter == "initials");
        Assert.Equal(MappingDirection.WriteOnly, initials.Direction);
        Assert.Equal("full_name", initials.Properties.Single());
    }

    [Fact]
    public void keys_tidsbanken_cannot_change_are_written_on_insert_only()
    {
        Assert.True(Find("tidsbanken.ansatt").MappingsOf("employee_number").Single().InsertOnly);
        Assert.True(Find("tidsbanken.prosjekt").MappingsOf("number").Single().InsertOnly);
    }

    [Fact]
    public void custompms_status_values_map_one_to_one_onto_the_global_statuses()
    {
        var map = Find("custompms.project").MappingsOf("status").Single().Format!.Enum!;
        Assert.Equal(
            ["open=planned", "inProgress=active", "done=completed", "archived=cancelled"],
            map.Pairs.Select(p => $"{p.Key}={p.Value}"));
    }

    [Theory]
    [InlineData("asana.project", "customer", "team", "organization")]
    [InlineData("customerp.project", "manager", "employee", "person")]
    [InlineData("crmoffice.activity:project", "manager", "user", "person")]
    [InlineData("tidsbanken.prosjekt", "manager", "ansatt", "person")]
    [InlineData("asana.task", "project", "project", "project")]
    public void references_name_a_datatype_of_the_same_system_that_maps_to_the_referenced_type(string mapping, string property, string datatype, string type)
    {
        var reference = Find(mapping).MappingsOf(property).Single();
        Assert.Equal(datatype, reference.TargetDatatype);
        Assert.Equal(type, reference.Format!.Reference!.Type);
        Assert.Equal(type, Find($"{mapping.Split('.')[0]}.{datatype}").GlobalType);
    }

    [Fact]
    public void custompms_assignees_are_referred_to_by_email()
    {
        var assignee = Find("custompms.task").MappingsOf("assignee").Single();
        Assert.Equal("email", assignee.Format!.Reference!.By);
        Assert.Null(assignee.TargetDatatype);
    }

    [Fact]
    public void crmoffice_dates_are_read_and_written_in_oslo()
    {
        var starts = Find("crmoffice.activity:project").MappingsOf("start_date").Single();
        Assert.Equal(DataKind.DateTime, starts.Format!.Kind);
        Assert.Equal(TimeZones.OsloId, starts.Format.Zone!.Id);
    }

    [Fact]
    public void the_trello_flow_says_where_its_comments_go() =>
        Assert.Equal("Customerp projects", Config.Flow(12)!.Definition.Options["card"]);

    private static DatatypeMapping Find(string key) => Config.Mapping(DatatypeRef.TryParse(key)!)!;
}
