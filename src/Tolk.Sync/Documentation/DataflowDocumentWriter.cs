namespace Tolk.Sync.Documentation;

/// <summary>What writing one document did.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Document">The document.</param>
/// <param name="Changed">True when the file was created or rewritten; false when it already said the same.</param>
public sealed record WrittenDocument(string Path, DataflowDocument Document, bool Changed);

/// <summary>
/// Writes generated documents to a folder. A file that already says the same (apart from its <c>Generated:</c> line)
/// is left as it is, so regenerating an unchanged configuration changes no file.
/// </summary>
public static class DataflowDocumentWriter
{
    /// <summary>Writes the documents into <paramref name="folder"/> (created when missing).</summary>
    /// <exception cref="IOException">The folder or a file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or a file may not be written.</exception>
    public static async Task<IReadOnlyList<WrittenDocument>> WriteAsync(string folder, IEnumerable<DataflowDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Directory.CreateDirectory(folder);
        var written = new List<WrittenDocument>();
        foreach (var document in documents)
        {
            var path = Path.GetFullPath(Path.Combine(folder, document.FileName));
            var same = File.Exists(path) && document.SameAs(await File.ReadAllTextAsync(path, cancellationToken));
            if (!same)
            {
                await File.WriteAllTextAsync(path, document.Text, cancellationToken);
            }

            written.Add(new WrittenDocument(path, document, !same));
        }

        return written;
    }
}
