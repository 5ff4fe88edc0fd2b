namespace Tolk.Sync.Documentation;

/// <summary>One generated dataflow document: every flow from one system to another, as reStructuredText.</summary>
/// <param name="FileName">The file's name, e.g. <c>asana-to-customerp.rst</c>.</param>
/// <param name="Title">The title, e.g. <c>Asana to Customerp Dataflow</c>.</param>
/// <param name="Flows">The numbers of the flows it describes, in configuration order.</param>
/// <param name="Text">The document, with "\n" line ends.</param>
public sealed record DataflowDocument(string FileName, string Title, IReadOnlyList<int> Flows, string Text)
{
    /// <summary>How the line that says when the document was generated begins.</summary>
    public const string GeneratedPrefix = "Generated: ";

    /// <summary>The text without its <c>Generated:</c> line: what two generations of the same configuration share.</summary>
    public static string WithoutGeneratedLine(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Where(line => !line.StartsWith(GeneratedPrefix, StringComparison.Ordinal)));

    /// <summary>Whether <paramref name="text"/> (a file's content) says the same as this document, whenever each was generated.</summary>
    public bool SameAs(string text) => WithoutGeneratedLine(text) == WithoutGeneratedLine(Text);
}
