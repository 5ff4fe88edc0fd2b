using Tolk.Sync.Configuration;
using Tolk.Sync.Conversion;
using Tolk.Sync.Tests.Configuration;

namespace Tolk.Sync.Tests.Documentation;

/// <summary>Every row of every generated property table, checked against the configuration it comes from.</summary>
public sealed class PropertyTableTests
{
    public static TheoryData<int> Flows => FlowSections.Numbers;

    [Theory]
    [MemberData(nameof(Flows))]
    public void the_table_has_one_row_per_synchronized_property_with_the_configured_fields(int number)
    {
        var (flow, section) = FlowSections.Of(number);
        var type = RealConfiguration.Value.GlobalTypeOf(flow.Source);
        var table = section.Tables[0];
        Assert.Equal(flow.Table.Rows.Count, table.Rows.Count);
        foreach (var (row, cells) in flow.Table.Rows.Zip(table.Rows))
        {
            // Each side's fields are the ones its mapping file joins to the property, or to the properties it is derived from.
            var carried = (IReadOnlyList<string>)[row.Property, .. type.Property(row.Property)!.Derived?.From ?? []];
            Assert.Equal(FieldsCarrying(flow.Source, row.Property, carried), Split(cells[0]));
            Assert.Equal(FieldsCarrying(flow.Target, row.Property, carried), Split(cells[1]));
            foreach (var kind in flow.Target.Properties.Where(m => Split(cells[1]).Intersect(m.Fields.Select(f => f.Text)).Any()).SelectMany(m => m.FieldKinds))
            {
                Assert.Contains(kind.Name(), cells[2], StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void every_field_of_both_mappings_is_in_the_table_or_the_dropped_note_or_has_no_counterpart(int number)
    {
        var (flow, section) = FlowSections.Of(number);
        var table = section.Tables[0];
        var note = section.Blocks.OfType<RstNote>().SingleOrDefault();
        foreach (var (mapping, column) in new[] { (flow.Source, 0), (flow.Target, 1) })
        {
            var other = column == 0 ? flow.Target : flow.Source;
            foreach (var field in mapping.Properties)
            {
                var inTable = table.Rows.Any(r => Split(r[column]).Intersect(field.Fields.Select(f => f.Text)).Any());
                var dropped = field.Properties.Select(other.DroppedReason).FirstOrDefault(d => d is not null);
                if (dropped is not null && !inTable)
                {
                    Assert.NotNull(note);
                    Assert.Contains(note.Items, item => item.StartsWith(DisplayName(mapping), StringComparison.Ordinal)
                        && item.EndsWith(dropped.Reason, StringComparison.Ordinal) && item.Contains(field.FieldNames, StringComparison.Ordinal));
                }
                else if (!inTable)
                {
                    // Neither carried nor dropped by the other side: the other side does not map the property at all.
                    Assert.All(field.Properties, p => Assert.Empty(other.MappingsOf(p)));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void a_flow_with_dropped_rows_explains_each_in_a_note_and_leaves_it_out_of_the_table(int number)
    {
        var (flow, section) = FlowSections.Of(number);
        var notes = section.Blocks.OfType<RstNote>().ToList();
        if (flow.Table.Dropped.Count == 0)
        {
            Assert.Empty(notes);
            return;
        }

        var note = Assert.Single(notes);
        foreach (var dropped in flow.Table.Dropped)
        {
            Assert.Contains(note.Items, item => item.EndsWith(": " + dropped.Reason, StringComparison.Ordinal));
            Assert.DoesNotContain(flow.Table.Rows, r => r.Property == dropped.Property);
        }
    }

    [Theory]
    [InlineData(18, "org_number", "Organisasjonsnummer", "string")]
    [InlineData(18, "address_line", "Postadresse", "string")]
    [InlineData(3, "team", "customer_id", "reference to customer (integer id)")]
    [InlineData(3, "completed, archived", "status", "enum (planned, active, completed, cancelled)")]
    [InlineData(5, "completed", "status", "enum (open, inProgress, done, archived)")]
    [InlineData(9, "assignee", "assigneeEmail", "reference to person by email")]
    [InlineData(9, "projects[0]", "projectId", "reference to project")]
    [InlineData(4, "name", "first_name, last_name", "string")]
    [InlineData(13, "first_name, last_name", "fullName, initials", "string")]
    [InlineData(12, "description", "data.text", "string")]
    [InlineData(16, "start_date", "startsAt", "datetime (Europe/Oslo)")]
    [InlineData(16, "status", "completed", "boolean")]
    [InlineData(17, "phone", "phone, mobilePhone", "string")]
    [InlineData(19, "employee_number", "Id", "integer")]
    [InlineData(20, "manager_id", "AnsvarligId", "reference to ansatt (integer id)")]
    public void known_rows_read_as_the_mapping_files_say(int number, string source, string target, string type) =>
        Assert.Contains([source, target, type], FlowSections.Of(number).Section.Tables[0].Rows);

    [Theory]
    [InlineData(5, "Asana Tasks completed ↔ ``status`` (converter ``completed_status``)")]
    [InlineData(4, "Asana Users email is read-only in Asana: it flows from Asana to Customerp only.")]
    [InlineData(13, "``full_name`` is derived from ``first_name``, ``last_name``: Trello Members has it in fullName, initials")]
    [InlineData(19, "Tidsbanken Ansatt Id is written only when the record is created in Tidsbanken")]
    public void conversions_and_one_way_fields_are_explained_under_the_table(int number, string note)
    {
        var bullets = FlowSections.Of(number).Section.Blocks.OfType<RstBullets>().Single();
        Assert.Contains(bullets.Items, item => item.Contains(note, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(15, "Only Crmoffice Companies records whose ``category`` is \"product\" belong to this flow")]
    [InlineData(12, "The Trello connector's settings for this flow: board \"Tolk\", card \"Customerp projects\", list \"Projects\".")]
    public void a_flow_s_scope_and_connector_settings_are_stated(int number, string sentence) =>
        Assert.Contains(FlowSections.Of(number).Section.Paragraphs, p => p.Text.Contains(sentence, StringComparison.Ordinal));

    private static List<string> FieldsCarrying(DatatypeMapping mapping, string property, IReadOnlyList<string> carried)
    {
        var direct = mapping.MappingsOf(property).ToList();
        var mappings = direct.Count > 0 ? direct : [.. carried.Skip(1).SelectMany(mapping.MappingsOf).Distinct()];
        return [.. mappings.SelectMany(m => m.Fields).Select(f => f.Text).Distinct()];
    }

    private static List<string> Split(string cell) => [.. cell.Replace("\\", "", StringComparison.Ordinal).Split(", ")];

    private static string DisplayName(DatatypeMapping mapping) => Sync.Documentation.Internal.DisplayNames.Of(mapping);
}
