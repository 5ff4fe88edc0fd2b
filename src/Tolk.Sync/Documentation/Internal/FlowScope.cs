using Tolk.Sync.Configuration;

namespace Tolk.Sync.Documentation.Internal;

/// <summary>Which records of a datatype a flow takes, when a role's discriminator makes them a subset (Crmoffice products).</summary>
internal static class FlowScope
{
    public static List<string> Sentences(ResolvedFlow flow)
    {
        var sentences = new List<string>();
        foreach (var (mapping, isTarget) in new[] { (flow.Source, false), (flow.Target, true) })
        {
            var name = DisplayNames.Of(mapping);
            if (mapping.When is { } when)
            {
                var field = RstWriter.Literal(when.Field.Text);
                var value = $"\"{RstWriter.Escape(when.Value)}\"";
                sentences.Add(isTarget
                    ? $"Only {name} records whose {field} is {value} belong to this flow; Tolk sets {field} to {value} on the ones it creates."
                    : $"Only {name} records whose {field} is {value} belong to this flow.");
            }

            foreach (var other in mapping.Unless)
            {
                sentences.Add($"{name} records whose {RstWriter.Literal(other.Field.Text)} is \"{RstWriter.Escape(other.Value)}\" "
                    + "are not part of this flow: they belong to another mapping of the datatype.");
            }
        }

        return sentences;
    }
}
