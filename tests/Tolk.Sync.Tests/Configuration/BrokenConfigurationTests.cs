using Tolk.Sync.Configuration;

namespace Tolk.Sync.Tests.Configuration;

/// <summary>Each broken copy of config/ gives an error that names the file, the line and the property it concerns.</summary>
public sealed class BrokenConfigurationTests : IDisposable
{
    private readonly BrokenConfiguration config = new();

    public void Dispose() => config.Dispose();

    private ConfigError SingleError(string file, int line, params string[] mentions)
    {
        var errors = config.Load();
        var error = Assert.Single(errors);
        var text = error.ToString();
        Assert.EndsWith(file.Replace('/', Path.DirectorySeparatorChar), error.Location.File, StringComparison.Ordinal);
        Assert.Equal(line, error.Location.Line);
        Assert.Contains($"{Path.GetFileName(file)}:{line}:", text, StringComparison.Ordinal);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, text, StringComparison.Ordinal);
        }

        return error;
    }

    [Fact]
    public void an_unknown_property_is_named_with_its_file_and_line()
    {
        var line = config.Replace("systems/asana.yaml", "{ field: notes, property: description, type: string }", "{ field: notes, property: descripton, type: string }");
        var errors = config.Load();
        var error = Assert.Single(errors, e => e.Message.Contains("unknown property", StringComparison.Ordinal));
        Assert.Equal(line, error.Location.Line);
        Assert.Contains($"asana.yaml:{line}:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("descripton", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("asana.project", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void a_type_mismatch_between_field_and_property_is_an_error()
    {
        var line = config.Replace("systems/customerp.yaml", "{ field: start_date, property: start_date, type: date }", "{ field: start_date, property: start_date, type: string }");
        SingleError("systems/customerp.yaml", line, "type mismatch", "start_date", "customerp.project");
    }

    [Fact]
    public void a_converter_whose_kinds_do_not_fit_the_property_is_a_type_mismatch()
    {
        var line = config.Replace("systems/tidsbanken.yaml", "{ field: Avsluttet, property: status, converter: completed_status }", "{ field: Avsluttet, property: name, converter: completed_status }");
        var errors = config.Load();
        Assert.Contains(errors, e => e.Location.Line == line && e.ToString().Contains("type mismatch", StringComparison.Ordinal) && e.ToString().Contains("name", StringComparison.Ordinal));
    }

    [Fact]
    public void a_reference_to_a_datatype_the_system_does_not_have_is_dangling()
    {
        var line = config.Replace("systems/asana.yaml", "{ field: owner, property: manager, type: reference, target: user }", "{ field: owner, property: manager, type: reference, target: member }");
        SingleError("systems/asana.yaml", line, "dangling reference", "manager", "member");
    }

    [Fact]
    public void a_reference_to_a_datatype_of_another_global_type_is_dangling()
    {
        var line = config.Replace("systems/asana.yaml", "target: user }", "target: team }");
        SingleError("systems/asana.yaml", line, "dangling reference", "manager", "organization");
    }

    [Fact]
    public void an_enum_value_without_counterpart_in_the_shared_model_is_an_error()
    {
        var line = config.Replace("systems/custompms.yaml", "archived: cancelled }", "archived: canceled }");
        var errors = config.Load();
        var error = Assert.Single(errors, e => e.Message.Contains("'archived' has no counterpart", StringComparison.Ordinal));
        Assert.Equal(line, error.Location.Line);
        Assert.Contains("custompms.project → status", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void a_global_enum_value_without_counterpart_in_the_system_is_an_error()
    {
        var line = config.Replace("systems/custompms.yaml", ", archived: cancelled }", " }");
        SingleError("systems/custompms.yaml", line, "'cancelled'", "no counterpart", "status");
    }

    [Fact]
    public void two_system_values_for_one_global_value_are_ambiguous()
    {
        var line = config.Replace("systems/custompms.yaml", "archived: cancelled }", "archived: completed }");
        var errors = config.Load();
        Assert.Contains(errors, e => e.Location.Line == line && e.Message.Contains("ambiguous", StringComparison.Ordinal));
    }

    [Fact]
    public void an_unknown_system_in_a_flow_is_an_error()
    {
        var line = config.Replace("flows.yaml", "target: customerp.customer }", "target: customerpp.customer }");
        SingleError("flows.yaml", line, "flow 1", "unknown system 'customerpp'");
    }

    [Fact]
    public void an_unknown_datatype_in_a_flow_is_an_error()
    {
        var line = config.Replace("flows.yaml", "source: asana.team,", "source: asana.teams,");
        SingleError("flows.yaml", line, "flow 1", "unknown datatype 'teams'");
    }

    [Fact]
    public void an_unknown_role_in_a_flow_is_an_error()
    {
        var line = config.Replace("flows.yaml", "\"asana.task:project\"", "\"asana.task:product\"");
        SingleError("flows.yaml", line, "flow 5", "no role 'product'");
    }

    [Fact]
    public void a_flow_between_datatypes_of_different_global_types_is_a_type_mismatch()
    {
        var line = config.Replace("flows.yaml", "source: asana.team, target: customerp.customer", "source: asana.team, target: customerp.project");
        SingleError("flows.yaml", line, "flow 1", "type mismatch", "organization", "project");
    }

    [Fact]
    public void a_yaml_syntax_error_names_its_place()
    {
        var line = config.Replace("systems/trello.yaml", "      - { field: desc, property: description, type: string }", "      - { field: desc, property: description, type: string");
        var errors = config.Load();
        var error = Assert.Single(errors);
        Assert.Contains("trello.yaml", error.Location.File, StringComparison.Ordinal);
        Assert.InRange(error.Location.Line, line, line + 1);
        Assert.Equal("YAML syntax", error.Subject);
    }

    [Fact]
    public void an_unclosed_quote_is_a_syntax_error_on_its_line()
    {
        var line = config.Replace("systems/crmoffice.yaml", "time: \"23:59\" }", "time: \"23:59 }");
        var error = Assert.Single(config.Load());
        Assert.Equal("YAML syntax", error.Subject);
        Assert.InRange(error.Location.Line, line, line + 1);
        Assert.Contains("crmoffice.yaml", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void a_key_given_twice_is_an_error_on_its_line()
    {
        var line = config.Replace("systems/custompms.yaml", "{ field: email, property: email, type: string }", "{ field: email, property: email, type: string, type: string }");
        var error = Assert.Single(config.Load());
        Assert.Equal(line, error.Location.Line);
        Assert.Contains("custompms.yaml", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Duplicate key type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_misspelt_key_is_named_with_what_was_expected()
    {
        var line = config.Replace("systems/asana.yaml", "direction: read_only", "directon: read_only");
        SingleError("systems/asana.yaml", line, "unknown key 'directon'", "asana.user → email", "direction");
    }

    [Fact]
    public void a_misspelt_key_in_a_flow_is_an_error()
    {
        var line = config.Replace("flows.yaml", "    options: {", "    option: {");
        SingleError("flows.yaml", line, "flow 12", "unknown key 'option'");
    }

    [Fact]
    public void a_property_neither_mapped_nor_dropped_is_an_error()
    {
        config.Replace("systems/custompms.yaml", "      - { property: manager, reason: \"Custompms projects have no manager.\" }\n", "");
        var errors = config.Load();
        var error = Assert.Single(errors);
        Assert.Contains("custompms.project → manager", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("neither mapped nor dropped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_property_both_mapped_and_dropped_is_an_error()
    {
        var line = config.Replace("systems/custompms.yaml", "{ property: manager,", "{ property: customer,");
        var errors = config.Load();
        Assert.Contains(errors, e => e.Location.Line == line && e.ToString().Contains("customer is dropped, but it is mapped", StringComparison.Ordinal));
    }

    [Fact]
    public void an_unknown_converter_is_an_error()
    {
        var line = config.Replace("systems/asana.yaml", "converter: asana_project_status", "converter: asana_status");
        SingleError("systems/asana.yaml", line, "unknown converter 'asana_status'", "status");
    }

    [Fact]
    public void a_converter_that_cannot_read_back_must_be_write_only()
    {
        var line = config.Replace("systems/trello.yaml", "converter: initials, direction: write_only", "converter: initials");
        var errors = config.Load();
        Assert.Contains(errors, e => e.Location.Line == line && e.Message.Contains("write_only", StringComparison.Ordinal));
    }

    [Fact]
    public void an_unknown_time_zone_is_an_error()
    {
        var line = config.Replace("systems/crmoffice.yaml", "zone: Europe/Oslo, time: \"00:00\"", "zone: Europe/Olso, time: \"00:00\"");
        SingleError("systems/crmoffice.yaml", line, "Europe/Olso", "start_date");
    }

    [Fact]
    public void a_model_enum_without_values_is_an_error()
    {
        var line = config.Replace("model.yaml", "        values: [planned, active, completed, cancelled]\n", "");
        var errors = config.Load();
        Assert.Contains(errors, e => e.ToString().Contains("project.status", StringComparison.Ordinal) && e.Location.Line == line - 1);
    }

    [Fact]
    public void a_reference_to_an_unknown_global_type_is_an_error()
    {
        var line = config.Replace("model.yaml", "target: organization }", "target: company }");
        SingleError("model.yaml", line, "project.customer", "'company' is not a global type");
    }

    [Fact]
    public void an_unknown_merge_key_is_an_error()
    {
        var line = config.Replace("model.yaml", "{ property: sku, compare: trimmed }", "{ property: skus, compare: trimmed }");
        SingleError("model.yaml", line, "product", "skus");
    }

    [Fact]
    public void a_system_file_named_after_another_system_is_an_error()
    {
        var line = config.Replace("systems/trello.yaml", "system: trello", "system: trelo");
        SingleError("systems/trello.yaml", line, "trelo.yaml");
    }

    [Fact]
    public void a_datatype_name_that_is_not_lowercase_is_an_error()
    {
        var line = config.Replace("systems/tidsbanken.yaml", "  kunde:", "  Kunde:");
        var errors = config.Load();
        Assert.Contains(errors, e => e.Location.Line == line && e.ToString().Contains("tidsbanken.Kunde", StringComparison.Ordinal) && e.Message.Contains("lowercase", StringComparison.Ordinal));
    }

    [Fact]
    public void a_format_key_that_does_not_fit_the_field_type_is_an_error()
    {
        var line = config.Replace("systems/customerp.yaml", "{ field: sku, property: sku, type: string }", "{ field: sku, property: sku, type: string, places: 2 }");
        SingleError("systems/customerp.yaml", line, "customerp.product → sku", "'places' applies only to a decimal field");
    }

    [Fact]
    public void a_missing_flows_file_is_an_error()
    {
        config.Delete("flows.yaml");
        SingleError("flows.yaml", 1, "missing");
    }

    [Fact]
    public void every_error_is_reported_not_just_the_first()
    {
        config.Replace("systems/asana.yaml", "property: description, type: string }", "property: descripton, type: string }");
        config.Replace("flows.yaml", "target: customerp.customer }", "target: customerpp.customer }");
        var errors = config.Load();
        Assert.Contains(errors, e => e.Location.File.EndsWith("asana.yaml", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location.File.EndsWith("flows.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void load_valid_throws_with_every_error_listed()
    {
        config.Replace("flows.yaml", "target: customerp.customer }", "target: customerpp.customer }");
        var thrown = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.LoadValid(config.Directory));
        Assert.Single(thrown.Errors);
        Assert.Contains("customerpp", thrown.Message, StringComparison.Ordinal);
    }
}
