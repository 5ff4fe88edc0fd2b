using Tolk.Sync.Configuration;

namespace Tolk.Sync.Documentation.Internal;

/// <summary>A flow's merge criterion: the keys that link an existing target record instead of creating one.</summary>
internal static class MergeTable
{
    public static void Write(RstWriter rst, ResolvedFlow flow)
    {
        var source = DisplayNames.Of(flow.Source);
        var target = DisplayNames.Of(flow.Target);
        if (flow.Merge.Count == 0)
        {
            rst.Paragraph($"This flow has no merge criterion: every {source} record is created as a new {target} record and linked to it, never matched with an existing one.");
            return;
        }

        rst.Paragraph($"Before a new {target} is created, Tolk looks for an existing one to link. The first of these properties that both records "
            + "have a value for decides: equal values link the two records, different values do not.");
        rst.ListTable(
            ["Merge Property", $"{source} Property", $"{target} Property", "Comparison"],
            flow.Merge.Select(key => (IReadOnlyList<string>)
            [
                RstWriter.Escape(key.Property),
                PropertyCells.Fields(flow.Source.MappingsOf(key.Property).Where(m => m.Reads)),
                PropertyCells.Fields(flow.Target.MappingsOf(key.Property).Where(m => m.Reads)),
                Comparison(key.Compare),
            ]));
    }

    /// <summary>How the values of a merge key are compared, in words.</summary>
    public static string Comparison(MergeCompare compare) => compare switch
    {
        MergeCompare.Trimmed => "trimmed",
        MergeCompare.CaseInsensitive => "trimmed, case-insensitive",
        MergeCompare.Digits => "digits only",
        _ => "exact",
    };
}
