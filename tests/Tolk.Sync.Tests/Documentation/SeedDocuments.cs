using Tolk.Sync.Documentation;
using Tolk.Sync.Tests.Configuration;

namespace Tolk.Sync.Tests.Documentation;

/// <summary>
/// The five seed documents (Seeds/: copies of the project's seed QA checklists, without Sesam's introduction), and
/// the documents generated from the real configuration at a fixed time.
/// </summary>
internal static class SeedDocuments
{
    public static readonly DateTimeOffset Time = new(2026, 11, 23, 14, 16, 41, TimeSpan.Zero);

    private static readonly Lazy<IReadOnlyList<DataflowDocument>> GeneratedDocuments = new(() => DataflowDocuments.Generate(RealConfiguration.Value, Time));

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "Tolk.Sync.Tests", "Documentation", "Seeds");

    /// <summary>The seed files' names.</summary>
    public static IReadOnlyList<string> Files => [.. Directory.GetFiles(Folder, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>The seed files' names, for theories.</summary>
    public static TheoryData<string> Names => [.. Files];

    public static IReadOnlyList<DataflowDocument> Generated => GeneratedDocuments.Value;

    public static RstOutline Seed(string name) => RstOutline.Parse(File.ReadAllText(Path.Combine(Folder, name)));

    /// <summary>The generated document with the seed's title.</summary>
    public static DataflowDocument For(RstOutline seed) => Assert.Single(Generated, d => d.Title == seed.Title);
}
