using Tolk.Sync.Configuration;

namespace Tolk.Sync.Documentation.Internal;

/// <summary>
/// Sentences for a flow's switches (flows.yaml). What every flow of a document shares is said once in the
/// introduction; what differs is said in each flow's section.
/// </summary>
internal static class FlowSwitches
{
    public static string Delete(DeletePolicy policy) => policy switch
    {
        DeletePolicy.Propagate => "A delete in either system deletes the linked record in the other, or archives or deactivates it where the API cannot delete.",
        DeletePolicy.Archive => "A delete in either system archives or deactivates the linked record in the other; nothing is deleted.",
        _ => "A delete in either system unlinks the two records and is logged; nothing is deleted in the other system.",
    };

    public static string SyncExisting(bool syncExisting) => syncExisting
        ? "Records that existed before the flow was switched on are linked or created too, not only new ones."
        : "Only records created after the flow was switched on are linked; those that existed before are left alone.";

    /// <summary>Whether every flow of the document has the same value, so the introduction can say it once.</summary>
    public static bool Uniform<T>(IReadOnlyList<ResolvedFlow> flows, Func<FlowDefinition, T> value) =>
        flows.Select(f => value(f.Definition)).Distinct().Count() == 1;

    /// <summary>The flow's own sentences: the switches that differ between the document's flows, and the ones that are on.</summary>
    public static List<string> OfFlow(ResolvedFlow flow, IReadOnlyList<ResolvedFlow> documentFlows)
    {
        var definition = flow.Definition;
        var source = DisplayNames.System(flow.Source.System);
        var target = DisplayNames.System(flow.Target.System);
        var sentences = new List<string>();
        if (!Uniform(documentFlows, d => d.Delete))
        {
            sentences.Add(Delete(definition.Delete));
        }

        if (!Uniform(documentFlows, d => d.SyncExisting))
        {
            sentences.Add(SyncExisting(definition.SyncExisting));
        }

        if (definition.ReadOnlyTarget)
        {
            sentences.Add($"Tolk never writes to {target} in this flow; edits made there still flow back to {source}.");
        }

        if (definition.Paused)
        {
            sentences.Add("This flow is paused: nothing is read or written, and changes wait until it is resumed.");
        }

        if (definition.Options.Count > 0)
        {
            var options = definition.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} \"{RstWriter.Escape(o.Value)}\"");
            sentences.Add($"The {target} connector's settings for this flow: {string.Join(", ", options)}.");
        }

        return sentences;
    }
}
