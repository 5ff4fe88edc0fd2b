namespace Tolk.Sync.Tests.Documentation;

/// <summary>Each generated document has its seed's shape: title, flow headings, sentences and table headers.</summary>
public sealed class SeedShapeTests
{
    public static TheoryData<string> Seeds => SeedDocuments.Names;

    [Fact]
    public void there_are_five_seeds_and_five_generated_documents_with_their_titles()
    {
        var titles = SeedDocuments.Files.Select(n => SeedDocuments.Seed(n).Title).ToList();
        Assert.Equal(5, titles.Count);
        Assert.Equal(titles.Order(StringComparer.Ordinal), SeedDocuments.Generated.Select(d => d.Title).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void the_document_has_the_seed_s_title_generated_line_and_sections_in_order(string seedName)
    {
        var seed = SeedDocuments.Seed(seedName);
        var generated = RstOutline.Parse(SeedDocuments.For(seed).Text);
        Assert.Equal(seed.Title, generated.Title);
        Assert.Matches(@"^Generated: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$", generated.Generated);
        Assert.NotNull(seed.Generated);
        Assert.Equal(seed.Sections.Select(s => s.Heading), generated.Sections.Select(s => s.Heading));
        Assert.Equal("Introduction", generated.Sections[0].Heading);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void every_flow_section_opens_with_the_seed_s_sentences(string seedName)
    {
        var seed = SeedDocuments.Seed(seedName);
        var generated = RstOutline.Parse(SeedDocuments.For(seed).Text);
        foreach (var section in seed.Sections.Skip(1))
        {
            Assert.Equal(3, section.Lead.Count);
            Assert.Equal(section.Lead, generated.Section(section.Heading).Lead);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void every_flow_section_s_first_table_has_the_seed_s_header_row(string seedName)
    {
        var seed = SeedDocuments.Seed(seedName);
        var generated = RstOutline.Parse(SeedDocuments.For(seed).Text);
        foreach (var section in seed.Sections.Skip(1))
        {
            var seedTable = Assert.Single(section.Tables);
            Assert.Empty(seedTable.Rows);
            var table = generated.Section(section.Heading).Tables[0];
            Assert.Equal(seedTable.Header, table.Header);
            Assert.NotEmpty(table.Rows);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void the_introduction_is_tolk_s_own_and_names_both_systems(string seedName)
    {
        var seed = SeedDocuments.Seed(seedName);
        var introduction = string.Join(" ", RstOutline.Parse(SeedDocuments.For(seed).Text).Sections[0].Paragraphs.Select(p => p.Text));
        var systems = seed.Title[..^" Dataflow".Length].Split(" to ");
        Assert.Contains($"between {systems[0]} and {systems[1]}", introduction, StringComparison.Ordinal);
        foreach (var topic in new[] { "**Linking.**", "**Both ways.**", "**Merge.**", "**Deletes.**" })
        {
            Assert.Contains(topic, introduction, StringComparison.Ordinal);
        }

        foreach (var foreign in new[] { "Sesam", "intellectual property", "NDA", "confidential" })
        {
            Assert.DoesNotContain(foreign, introduction, StringComparison.OrdinalIgnoreCase);
        }
    }
}
