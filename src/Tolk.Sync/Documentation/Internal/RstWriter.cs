using System.Text;
using System.Text.RegularExpressions;

namespace Tolk.Sync.Documentation.Internal;

/// <summary>Writes reStructuredText the way the seed documents lay it out, always with "\n" line ends.</summary>
internal sealed partial class RstWriter
{
    private readonly StringBuilder _text = new();

    public RstWriter Line(string line = "")
    {
        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>The document title, over- and underlined with '='.</summary>
    public RstWriter Title(string title)
    {
        var rule = new string('=', title.Length);
        return Line(rule).Line(title).Line(rule);
    }

    /// <summary>A section heading, underlined with '-'.</summary>
    public RstWriter Heading(string heading) => Line(heading).Line(new string('-', heading.Length));

    /// <summary>A paragraph on one line, followed by a blank line.</summary>
    public RstWriter Paragraph(string text) => Line(text).Line();

    /// <summary>A bullet list, followed by a blank line.</summary>
    public RstWriter Bullets(IEnumerable<string> items, string indent = "")
    {
        foreach (var item in items)
        {
            Line($"{indent}* {item}");
        }

        return Line();
    }

    /// <summary>A <c>.. note::</c> directive holding a paragraph and a bullet list.</summary>
    public RstWriter Note(string paragraph, IEnumerable<string> items)
    {
        Line(".. note::").Line();
        Line($"   {paragraph}").Line();
        return Bullets(items, "   ");
    }

    /// <summary>A <c>list-table</c> with one header row, as in the seeds.</summary>
    public RstWriter ListTable(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        Line(".. list-table::").Line("   :header-rows: 1").Line();
        foreach (var row in rows.Prepend(header))
        {
            if (row.Count != header.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells, the header {header.Count}.", nameof(rows));
            }

            for (var i = 0; i < row.Count; i++)
            {
                Line($"{(i == 0 ? "   * -" : "     -")} {row[i]}");
            }
        }

        return Line();
    }

    /// <summary>Text as reStructuredText shows it literally: markup characters are escaped with a backslash.</summary>
    public static string Escape(string text) => Markup().Replace(text, @"\$0");

    /// <summary>An inline literal (<c>``text``</c>): for field and property names inside sentences.</summary>
    public static string Literal(string text) => $"``{text}``";

    public override string ToString() => _text.ToString().TrimEnd('\n') + "\n";

    // Backslashes, emphasis, literals, substitutions, and an underscore that would end a reference ("name_ ").
    [GeneratedRegex(@"[\\*`|]|_(?=\W|$)")]
    private static partial Regex Markup();
}
