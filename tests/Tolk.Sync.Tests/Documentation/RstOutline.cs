namespace Tolk.Sync.Tests.Documentation;

/// <summary>A block of a section: a paragraph, a bullet list, a note, or a list-table.</summary>
internal abstract record RstBlock;

internal sealed record RstParagraph(string Text) : RstBlock;

internal sealed record RstBullets(IReadOnlyList<string> Items) : RstBlock;

internal sealed record RstNote(string Text, IReadOnlyList<string> Items) : RstBlock;

internal sealed record RstTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : RstBlock;

internal sealed record RstSection(string Heading, IReadOnlyList<RstBlock> Blocks)
{
    public IEnumerable<RstParagraph> Paragraphs => Blocks.OfType<RstParagraph>();

    public IReadOnlyList<RstTable> Tables => [.. Blocks.OfType<RstTable>()];

    /// <summary>The paragraphs before the first table: the seeds' sentences.</summary>
    public IReadOnlyList<string> Lead => [.. Blocks.TakeWhile(b => b is not RstTable).OfType<RstParagraph>().Select(p => p.Text)];
}

/// <summary>
/// The outline of a reStructuredText document as the seeds and the generated documents lay it out: the title, the
/// Generated line, and each section's paragraphs, bullet lists, notes and list-tables. Read independently of the
/// generator, so that the tests compare what a reader sees.
/// </summary>
internal sealed record RstOutline(string Title, string? Generated, IReadOnlyList<RstSection> Sections)
{
    public RstSection Section(string heading) => Sections.Single(s => s.Heading == heading);

    public static RstOutline Parse(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        Assert.True(lines.Length > 3 && IsRule(lines[0], '=') && lines[2] == lines[0] && lines[1].Length == lines[0].Length,
            "the document does not start with an over- and underlined title");
        string? generated = null;
        var sections = new List<RstSection>();
        string? heading = null;
        var blocks = new List<RstBlock>();
        var i = 3;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                i++;
            }
            else if (i + 1 < lines.Length && IsRule(lines[i + 1], '-') && !line.StartsWith(' '))
            {
                Assert.True(lines[i + 1].Length == line.Length, $"the underline of '{line}' is not as long as the heading");
                if (heading is not null)
                {
                    sections.Add(new RstSection(heading, blocks));
                }

                (heading, blocks) = (line, []);
                i += 2;
            }
            else if (line.StartsWith("Generated: ", StringComparison.Ordinal) && heading is null)
            {
                generated = line;
                i++;
            }
            else if (line == ".. list-table::")
            {
                blocks.Add(Table(lines, ref i));
            }
            else if (line == ".. note::")
            {
                blocks.Add(Note(lines, ref i));
            }
            else if (line.StartsWith(".. ", StringComparison.Ordinal))
            {
                i = SkipIndented(lines, i + 1);
            }
            else if (line.StartsWith("* ", StringComparison.Ordinal))
            {
                var items = new List<string>();
                for (; i < lines.Length && lines[i].StartsWith("* ", StringComparison.Ordinal); i++)
                {
                    items.Add(lines[i][2..]);
                }

                blocks.Add(new RstBullets(items));
            }
            else
            {
                var paragraph = new List<string>();
                for (; i < lines.Length && lines[i].Length > 0; i++)
                {
                    paragraph.Add(lines[i]);
                }

                blocks.Add(new RstParagraph(string.Join(" ", paragraph)));
            }
        }

        if (heading is not null)
        {
            sections.Add(new RstSection(heading, blocks));
        }

        return new RstOutline(lines[1], generated, sections);
    }

    private static RstTable Table(string[] lines, ref int i)
    {
        i++;
        Assert.Equal("   :header-rows: 1", lines[i]);
        i += 2;
        var rows = new List<List<string>>();
        for (; i < lines.Length && lines[i].Length > 0; i++)
        {
            if (lines[i].StartsWith("   * - ", StringComparison.Ordinal))
            {
                rows.Add([lines[i][7..]]);
            }
            else
            {
                Assert.StartsWith("     - ", lines[i]);
                rows[^1].Add(lines[i][7..]);
            }
        }

        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal(rows[0].Count, row.Count));
        return new RstTable(rows[0], rows[1..]);
    }

    private static RstNote Note(string[] lines, ref int i)
    {
        var text = new List<string>();
        var items = new List<string>();
        var end = SkipIndented(lines, i + 1);
        foreach (var line in lines[(i + 1)..end].Where(l => l.Length > 0))
        {
            Assert.StartsWith("   ", line);
            (line.StartsWith("   * ", StringComparison.Ordinal) ? items : text).Add(line.StartsWith("   * ", StringComparison.Ordinal) ? line[5..] : line[3..]);
        }

        i = end;
        return new RstNote(string.Join(" ", text), items);
    }

    // The index of the first line after the indented body (blank lines included) that starts at column 0.
    private static int SkipIndented(string[] lines, int i)
    {
        while (i < lines.Length && (lines[i].Length == 0 || lines[i].StartsWith(' ')))
        {
            i++;
        }

        return i;
    }

    private static bool IsRule(string line, char c) => line.Length > 0 && line.All(ch => ch == c);
}
