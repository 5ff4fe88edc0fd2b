using Tolk.Sync.Configuration;

namespace Tolk.Sync.Documentation.Internal;

/// <summary>One flow's section: the seeds' sentences and property table, then notes, merge criterion and switches.</summary>
internal static class FlowSection
{
    public static void Write(RstWriter rst, ResolvedFlow flow, IReadOnlyList<ResolvedFlow> documentFlows)
    {
        var source = DisplayNames.Of(flow.Source);
        var target = DisplayNames.Of(flow.Target);
        var targetSystem = DisplayNames.System(flow.Target.System);

        // The seeds' wording, kept as it is so that the document stays the checklist testers know.
        rst.Heading($"{source} to {target}");
        rst.Paragraph($"Every {source} will be synchronized with a {target}.");
        rst.Paragraph($"Once a link between a {source} and a {target} is established, it will keep in sync between the two systems, regardless of where it is edited.");
        rst.Paragraph($"The following properties are synchronized between a {source} and a {target}:");
        rst.ListTable(
            [$"{source} Property", $"{target} Property", $"{targetSystem} Data Type"],
            flow.Table.Rows.Select(row => (IReadOnlyList<string>)
                [PropertyCells.Fields(row.Source), PropertyCells.Fields(row.Target), PropertyCells.DataType(row.Target)]));

        if (PropertyNotes.Conversions(flow) is { Count: > 0 } conversions)
        {
            rst.Paragraph("Conversions and directions:").Bullets(conversions);
        }

        if (PropertyNotes.Dropped(flow) is { Count: > 0 } dropped)
        {
            rst.Note("These fields are not synchronized in this flow, because the other side cannot carry them:", dropped);
        }

        if (FlowScope.Sentences(flow) is { Count: > 0 } scope)
        {
            rst.Paragraph(string.Join(" ", scope));
        }

        MergeTable.Write(rst, flow);
        if (FlowSwitches.OfFlow(flow, documentFlows) is { Count: > 0 } switches)
        {
            rst.Paragraph(string.Join(" ", switches));
        }
    }
}
