using Tolk.Sync.Configuration;
using Tolk.Sync.Tests.Configuration;

namespace Tolk.Sync.Tests.Documentation;

/// <summary>Each flow of the real configuration with the section that describes it.</summary>
internal static class FlowSections
{
    public static TheoryData<int> Numbers
    {
        get
        {
            var numbers = new TheoryData<int>();
            foreach (var flow in RealConfiguration.Value.Flows)
            {
                numbers.Add(flow.Number);
            }

            return numbers;
        }
    }

    public static (ResolvedFlow Flow, RstSection Section) Of(int number)
    {
        var document = Assert.Single(SeedDocuments.Generated, d => d.Flows.Contains(number));
        var outline = RstOutline.Parse(document.Text);
        var index = document.Flows.ToList().IndexOf(number);
        return (RealConfiguration.Value.Flow(number)!, outline.Sections[index + 1]);
    }
}
