using Tolk.Sync.Documentation;

namespace Tolk.Sync.Tests.Documentation;

public sealed class WriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tolk-docs-" + Guid.NewGuid().ToString("N"), "dataflows");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);

    [Fact]
    public async Task the_documents_are_written_into_a_new_folder()
    {
        var written = await DataflowDocumentWriter.WriteAsync(_folder, SeedDocuments.Generated);
        Assert.All(written, w => Assert.True(w.Changed));
        foreach (var (document, result) in SeedDocuments.Generated.Zip(written))
        {
            Assert.Equal(Path.Combine(_folder, document.FileName), result.Path);
            Assert.Equal(document.Text, await File.ReadAllTextAsync(result.Path));
        }
    }

    [Fact]
    public async Task a_file_that_says_the_same_keeps_its_generated_line()
    {
        await DataflowDocumentWriter.WriteAsync(_folder, SeedDocuments.Generated);
        var later = Sync.Documentation.DataflowDocuments.Generate(Configuration.RealConfiguration.Value, SeedDocuments.Time.AddHours(5));
        var written = await DataflowDocumentWriter.WriteAsync(_folder, later);
        Assert.All(written, w => Assert.False(w.Changed));
        Assert.Equal(SeedDocuments.Generated[0].Text, await File.ReadAllTextAsync(written[0].Path));
    }

    [Fact]
    public async Task a_file_that_differs_is_rewritten_and_the_others_are_left_alone()
    {
        await DataflowDocumentWriter.WriteAsync(_folder, SeedDocuments.Generated);
        var edited = Path.Combine(_folder, SeedDocuments.Generated[2].FileName);
        await File.WriteAllTextAsync(edited, "edited by hand\n");
        var written = await DataflowDocumentWriter.WriteAsync(_folder, SeedDocuments.Generated);
        Assert.Equal([false, false, true, false, false], written.Select(w => w.Changed));
        Assert.Equal(SeedDocuments.Generated[2].Text, await File.ReadAllTextAsync(edited));
    }
}
