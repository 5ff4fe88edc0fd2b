using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Tolk.Sync.Conversion.Named;

namespace Tolk.Sync.Tests.Conversion;

public sealed class TextConverterProperties
{
    private static Arbitrary<(string First, string Last)> Names(int lastWords) => Arb.From(
        from first in Generators.Words(1, 3)
        from last in Generators.Words(1, lastWords)
        select (first, last));

    [Property]
    public Property a_full_name_splits_back_into_its_first_and_last_name_at_the_last_space() =>
        Prop.ForAll(Names(1), name => FullName.Split(FullName.Join(name.First, name.Last)!) == (name.First, name.Last));

    [Property]
    public Property a_full_name_splits_back_into_any_names_when_the_current_ones_are_known() =>
        Prop.ForAll(Names(3), name => FullName.Split(FullName.Join(name.First, name.Last)!, name.First, name.Last) == (name.First, name.Last));

    // Unless the new last name ends with the old one ("Berg" → "van Berg"), which reads as a longer first name.
    [Property]
    public Property a_changed_last_name_keeps_the_current_first_name() =>
        Prop.ForAll(Names(3), Names(3), (before, after) =>
            (FullName.Split($"{before.First} {after.Last}", before.First, before.Last) == (before.First, after.Last))
                .When(after.Last == before.Last || !$"{before.First} {after.Last}".EndsWith(" " + before.Last, StringComparison.Ordinal)));

    [Property]
    public Property a_changed_first_name_keeps_the_current_last_name() =>
        Prop.ForAll(Names(3), Names(3), (before, after) =>
            FullName.Split($"{after.First} {before.Last}", before.First, before.Last) == (after.First, before.Last));

    [Property]
    public Property a_normalised_full_name_survives_split_then_join() =>
        Prop.ForAll(Arb.From(Generators.Words(1, 5)), full => FullName.Join(FullName.Split(full).First, FullName.Split(full).Last) == full);

    [Theory]
    [InlineData("Ole Martin Hansen", null, null, "Ole Martin", "Hansen")]
    [InlineData("Ole Martin Hansen", "Ole", "Martin Hansen", "Ole", "Martin Hansen")]
    [InlineData("Anne van Bergen", "Anne", "van Berg", "Anne", "van Bergen")]
    [InlineData("Kari Hansen", "Kari", "Nordmann", "Kari", "Hansen")]
    [InlineData("Kari Anne van Berg", "Anne", "van Berg", "Kari Anne", "van Berg")]
    [InlineData("Cher", null, null, "Cher", null)]
    [InlineData("  Ola   Nordmann ", null, null, "Ola", "Nordmann")]
    [InlineData("", null, null, null, null)]
    public void the_split_rule(string full, string? currentFirst, string? currentLast, string? first, string? last) =>
        Assert.Equal((first, last), FullName.Split(full, currentFirst, currentLast));

    [Theory]
    [InlineData("Ola", "Nordmann", "Ola Nordmann")]
    [InlineData("Ola", null, "Ola")]
    [InlineData(null, "Nordmann", "Nordmann")]
    [InlineData(null, null, null)]
    public void the_join_rule(string? first, string? last, string? full) => Assert.Equal(full, FullName.Join(first, last));

    // Names without a blank line or a trailing line break (the documented limit); descriptions with many blank lines.
    private static Gen<string> CommentPart(bool asName) => asName
        ? from text in ArbMap.Default.GeneratorFor<NonEmptyString>().Select(s => s.Get)
          where !text.Contains("\n\n", StringComparison.Ordinal) && !text.EndsWith('\n')
          select text
        : from parts in Gen.NonEmptyListOf(Gen.OneOf(Generators.Words(1, 4), Gen.Constant("\n"), Gen.Constant("\n\n"), Gen.Constant("\r\n")))
          select string.Concat(parts);

    [Property]
    public Property a_trello_comment_gives_back_the_name_and_description_it_was_made_of() =>
        Prop.ForAll(Arb.From(CommentPart(true)), Arb.From(CommentPart(false)), (name, description) =>
            TrelloCommentText.Split(TrelloCommentText.Join(name, description)!) == (name, description));

    [Property]
    public Property a_trello_comment_without_a_description_is_just_the_name() =>
        Prop.ForAll(Arb.From(CommentPart(true)), name =>
            TrelloCommentText.Join(name, null) == name && TrelloCommentText.Split(name) == (name, null));

    [Fact]
    public void a_comment_edited_in_trello_is_split_at_its_first_blank_line()
    {
        Assert.Equal(("New name", "Line one\n\nLine two"), TrelloCommentText.Split("New name\n\nLine one\n\nLine two"));
        Assert.Equal(("Only a name", null), TrelloCommentText.Split("Only a name"));
        Assert.Equal(("", "Only a description"), TrelloCommentText.Split("\n\nOnly a description"));
    }
}
