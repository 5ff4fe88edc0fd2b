using Tolk.Sync.Configuration;
using Tolk.Sync.Documentation;
using Tolk.Sync.Documentation.Internal;
using Tolk.Sync.Tests.Configuration;

namespace Tolk.Sync.Tests.Documentation;

/// <summary>The generator's output as a whole: file names, determinism, well-formed reStructuredText, switches.</summary>
public sealed class GenerationTests
{
    [Fact]
    public void one_document_per_system_pair_in_flows_yaml_order_covering_every_flow_once()
    {
        var documents = SeedDocuments.Generated;
        Assert.Equal(
            ["asana-to-customerp.rst", "asana-to-custompms.rst", "customerp-to-trello.rst", "customerp-to-crmoffice.rst", "customerp-to-tidsbanken.rst"],
            documents.Select(d => d.FileName));
        Assert.Equal(Enumerable.Range(1, 20), documents.SelectMany(d => d.Flows));
    }

    [Fact]
    public void the_same_configuration_generates_the_same_text_apart_from_the_generated_line()
    {
        var again = DataflowDocuments.Generate(RealConfiguration.Value, SeedDocuments.Time);
        var later = DataflowDocuments.Generate(RealConfiguration.Value, SeedDocuments.Time.AddDays(3).AddSeconds(7));
        Assert.Equal(SeedDocuments.Generated.Select(d => d.Text), again.Select(d => d.Text));
        foreach (var (first, second) in SeedDocuments.Generated.Zip(later))
        {
            Assert.NotEqual(first.Text, second.Text);
            Assert.True(first.SameAs(second.Text));
            Assert.Contains("\nGenerated: 2026-11-23 14:16:41 UTC\n", first.Text, StringComparison.Ordinal);
            Assert.Contains("\nGenerated: 2026-11-26 14:16:48 UTC\n", second.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void the_generated_line_is_written_in_utc_whatever_the_offset_given()
    {
        var document = DataflowDocuments.Generate(RealConfiguration.Value, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)))[0];
        Assert.Equal("Generated: 2026-01-02 01:04:05 UTC", RstOutline.Parse(document.Text).Generated);
    }

    [Fact]
    public void a_document_whose_text_differs_beyond_the_generated_line_is_not_the_same()
    {
        var document = SeedDocuments.Generated[0];
        Assert.False(document.SameAs(document.Text.Replace("| name", "| title", StringComparison.Ordinal) + "\nextra"));
        Assert.True(document.SameAs(document.Text.Replace("\n", "\r\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void every_document_is_clean_text_with_unix_line_ends_and_no_trailing_spaces()
    {
        foreach (var document in SeedDocuments.Generated)
        {
            Assert.DoesNotContain("\r", document.Text, StringComparison.Ordinal);
            Assert.EndsWith("\n", document.Text, StringComparison.Ordinal);
            Assert.False(document.Text.EndsWith("\n\n", StringComparison.Ordinal), $"{document.FileName} ends with a blank line");
            Assert.DoesNotContain(document.Text.Split('\n'), line => line.EndsWith(' '));
        }
    }

    [Fact]
    public void switches_that_differ_between_flows_are_stated_per_flow_and_shared_ones_in_the_introduction()
    {
        using var copy = new BrokenConfiguration();
        copy.Replace("flows.yaml", "{ number: 1, seed: \"000\",", "{ number: 1, seed: \"000\", delete: propagate, read_only_target: true, sync_existing: false,");
        copy.Replace("flows.yaml", "{ number: 3, seed: \"000\",", "{ number: 3, seed: \"000\", paused: true,");
        var configuration = ConfigurationLoader.LoadValid(copy.Directory);
        var outline = RstOutline.Parse(DataflowDocuments.Generate(configuration, SeedDocuments.Time)[0].Text);
        var introduction = string.Join(" ", outline.Sections[0].Paragraphs.Select(p => p.Text));
        Assert.Contains("Each flow's section says what a delete does.", introduction, StringComparison.Ordinal);
        Assert.Contains("Each flow's section says whether records that existed before it was switched on are linked.", introduction, StringComparison.Ordinal);

        string Switches(int section) => outline.Sections[section].Paragraphs.Last().Text;
        Assert.Equal(
            $"{FlowSwitches.Delete(DeletePolicy.Propagate)} {FlowSwitches.SyncExisting(false)} Tolk never writes to Customerp in this flow; edits made there still flow back to Asana.",
            Switches(1));
        Assert.Equal($"{FlowSwitches.Delete(DeletePolicy.Unlink)} {FlowSwitches.SyncExisting(true)}", Switches(2));
        Assert.EndsWith("This flow is paused: nothing is read or written, and changes wait until it is resumed.", Switches(3), StringComparison.Ordinal);

        // The other documents' flows all keep the defaults, so their introductions say them once.
        var other = RstOutline.Parse(DataflowDocuments.Generate(configuration, SeedDocuments.Time)[1].Text);
        Assert.Contains(other.Sections[0].Paragraphs, p => p.Text == $"**Deletes.** {FlowSwitches.Delete(DeletePolicy.Unlink)} "
            + "A listing that suddenly returns far fewer records than before is never taken for a mass deletion.");
        Assert.All(other.Sections.Skip(1), s => Assert.DoesNotContain(s.Paragraphs, p => p.Text.Contains("A delete in either system", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("name", "name")]
    [InlineData("projects[0]", "projects[0]")]
    [InlineData("address.street", "address.street")]
    [InlineData("ref_", @"ref\_")]
    [InlineData("org_number", "org_number")]
    [InlineData("a*b|c`d\\e", @"a\*b\|c\`d\\e")]
    public void text_is_escaped_where_restructuredtext_would_read_markup(string text, string escaped) =>
        Assert.Equal(escaped, RstWriter.Escape(text));
}
