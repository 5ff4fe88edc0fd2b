using Tolk.Sync.Configuration;
using Tolk.Sync.Documentation.Internal;

namespace Tolk.Sync.Documentation;

/// <summary>
/// Generates the dataflow documents (spec/dataflows.md, "Generated documentation"): one per source → target system
/// pair, shaped like the seed QA checklists, with every table filled from the configuration.
/// </summary>
public static class DataflowDocuments
{
    /// <summary>The documents for every system pair that has flows, in the order flows.yaml first names each pair.</summary>
    /// <param name="configuration">The loaded configuration.</param>
    /// <param name="generated">The time written on the <c>Generated:</c> line (the only part that varies between runs).</param>
    public static IReadOnlyList<DataflowDocument> Generate(SyncConfiguration configuration, DateTimeOffset generated)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return
        [
            .. configuration.Flows
                .GroupBy(f => (Source: f.Source.System, Target: f.Target.System))
                .Select(pair => Document(pair.Key.Source, pair.Key.Target, [.. pair], generated)),
        ];
    }

    private static DataflowDocument Document(string sourceSystem, string targetSystem, IReadOnlyList<ResolvedFlow> flows, DateTimeOffset generated)
    {
        var source = DisplayNames.System(sourceSystem);
        var target = DisplayNames.System(targetSystem);
        var title = $"{source} to {target} Dataflow";
        var rst = new RstWriter().Title(title).Line();
        rst.Paragraph($"{DataflowDocument.GeneratedPrefix}{generated.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
        Introduction.Write(rst, source, target, flows);
        foreach (var flow in flows)
        {
            rst.Line();
            FlowSection.Write(rst, flow, flows);
        }

        return new DataflowDocument($"{sourceSystem}-to-{targetSystem}.rst", title, [.. flows.Select(f => f.Number)], rst.ToString());
    }
}
