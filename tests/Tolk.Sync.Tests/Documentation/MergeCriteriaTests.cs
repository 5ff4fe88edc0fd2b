using Tolk.Sync.Configuration;

namespace Tolk.Sync.Tests.Documentation;

/// <summary>The second table of a flow's section: its merge criterion, key by key.</summary>
public sealed class MergeCriteriaTests
{
    public static TheoryData<int> Flows => FlowSections.Numbers;

    [Theory]
    [MemberData(nameof(Flows))]
    public void a_flow_with_merge_keys_lists_them_in_order_and_one_without_says_it_never_matches(int number)
    {
        var (flow, section) = FlowSections.Of(number);
        if (flow.Merge.Count == 0)
        {
            Assert.Single(section.Tables);
            Assert.Contains(section.Paragraphs, p => p.Text.StartsWith("This flow has no merge criterion", StringComparison.Ordinal));
            return;
        }

        var merge = section.Tables[1];
        Assert.Equal(["Merge Property", section.Tables[0].Header[0], section.Tables[0].Header[1], "Comparison"], merge.Header);
        Assert.Equal(flow.Merge.Select(k => k.Property), merge.Rows.Select(r => r[0]));
        foreach (var (key, row) in flow.Merge.Zip(merge.Rows))
        {
            Assert.Equal(string.Join(", ", flow.Source.MappingsOf(key.Property).Where(m => m.Reads).Select(m => m.FieldNames)), row[1]);
            Assert.Equal(string.Join(", ", flow.Target.MappingsOf(key.Property).Where(m => m.Reads).Select(m => m.FieldNames)), row[2]);
        }
    }

    [Fact]
    public void the_organization_criterion_reads_key_by_key_with_its_comparisons()
    {
        var merge = FlowSections.Of(18).Section.Tables[1];
        Assert.Equal(
        [
            ["org_number", "org_number", "Organisasjonsnummer", "digits only"],
            ["email", "email", "Epost", "trimmed, case-insensitive"],
            ["name", "name", "Navn", "trimmed, case-insensitive"],
        ],
            merge.Rows);
    }

    [Theory]
    [InlineData(1, "name")]
    [InlineData(4, "email")]
    [InlineData(20, "number")]
    [InlineData(10, "email")]
    public void a_key_one_side_does_not_read_is_left_out(int number, string only) =>
        Assert.Equal([only], FlowSections.Of(number).Section.Tables[1].Rows.Select(r => r[0]));

    [Theory]
    [InlineData(MergeCompare.Exact, "exact")]
    [InlineData(MergeCompare.Trimmed, "trimmed")]
    [InlineData(MergeCompare.CaseInsensitive, "trimmed, case-insensitive")]
    [InlineData(MergeCompare.Digits, "digits only")]
    public void every_comparison_has_its_words(MergeCompare compare, string words) =>
        Assert.Equal(words, Sync.Documentation.Internal.MergeTable.Comparison(compare));
}
