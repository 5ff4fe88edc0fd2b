using Tolk.Sync.Configuration;
using Tolk.Sync.Conversion;

namespace Tolk.Sync.Tests.Conversion;

public sealed class MergeKeyTests
{
    private static readonly MergeKey[] Organization =
    [
        new("org_number", MergeCompare.Digits), new("email", MergeCompare.CaseInsensitive), new("name", MergeCompare.CaseInsensitive),
    ];

    private static Dictionary<string, CanonicalValue?> Org(string? number, string? email, string? name) => new()
    {
        ["org_number"] = CanonicalValue.OfText(number), ["email"] = CanonicalValue.OfText(email), ["name"] = CanonicalValue.OfText(name),
    };

    [Fact]
    public void organization_numbers_match_by_their_digits() =>
        Assert.True(MergeKey.Decide(Organization, Org("999 888 777", null, "A"), Org("999888777", null, "B")));

    [Fact]
    public void the_first_key_both_records_have_decides_even_when_a_later_key_would_match() =>
        Assert.False(MergeKey.Decide(Organization, Org("999888777", "a@x.no", "Acme"), Org("111222333", "a@x.no", "Acme")));

    [Fact]
    public void a_missing_key_falls_through_to_the_next()
    {
        Assert.True(MergeKey.Decide(Organization, Org(null, " Post@Acme.no ", "A"), Org("999888777", "post@acme.no", "B")));
        Assert.True(MergeKey.Decide(Organization, Org(null, null, " ACME AS"), Org("999888777", "post@acme.no", "acme as")));
    }

    [Fact]
    public void no_key_on_both_sides_is_no_decision() =>
        Assert.Null(MergeKey.Decide(Organization, Org(null, null, null), Org("999888777", "a@x.no", "A")));

    [Theory]
    [InlineData(MergeCompare.Exact, " A ", " A ")]
    [InlineData(MergeCompare.Trimmed, " A ", "A")]
    [InlineData(MergeCompare.CaseInsensitive, " Æble ", "ÆBLE")]
    [InlineData(MergeCompare.Digits, "NO 999-888-777", "999888777")]
    public void each_comparison_normalises_as_documented(MergeCompare compare, string value, string normalized) =>
        Assert.Equal(normalized, new MergeKey("p", compare).Normalize(CanonicalValue.OfText(value)));

    [Fact]
    public void a_value_with_nothing_left_to_compare_is_no_key() =>
        Assert.Null(new MergeKey("p", MergeCompare.Digits).Normalize(CanonicalValue.OfText("n/a")));
}
