using Tolk.Sync.Documentation;
using Tolk.Sync.Tests.Configuration;

namespace Tolk.Sync.Tests.Documentation;

/// <summary>The committed docs/dataflows/ files are what the configuration generates now.</summary>
public sealed class StalenessTests
{
    private static string Committed => Path.Combine(RepoPaths.Root, "docs", "dataflows");

    [Fact]
    public async Task the_committed_dataflow_documents_are_the_ones_the_configuration_generates()
    {
        var documents = DataflowDocuments.Generate(RealConfiguration.Value, TimeProvider.System.GetUtcNow());
        if (Environment.GetEnvironmentVariable("TOLK_UPDATE_DOCS") == "1")
        {
            await DataflowDocumentWriter.WriteAsync(Committed, documents);
        }

        foreach (var document in documents)
        {
            var path = Path.Combine(Committed, document.FileName);
            Assert.True(File.Exists(path), $"{path} is missing: run the tests with TOLK_UPDATE_DOCS=1 (or `tolk docs`) and commit it");
            Assert.True(document.SameAs(await File.ReadAllTextAsync(path)),
                $"{path} is stale: the configuration changed. Run the tests with TOLK_UPDATE_DOCS=1 (or `tolk docs`), review the diff and commit it");
        }

        Assert.Equal(
            documents.Select(d => d.FileName).Order(StringComparer.Ordinal),
            Directory.GetFiles(Committed, "*.rst").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
