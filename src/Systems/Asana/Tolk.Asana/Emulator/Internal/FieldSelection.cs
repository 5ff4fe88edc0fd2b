namespace Tolk.Asana.Emulator.Internal;

/// <summary>
/// An <c>opt_fields</c> selection as a tree: <c>name,assignee.email,projects.team.name</c> selects three top-level
/// fields, two of them with nested selections. Accepts Asana's <c>this.</c> prefix and <c>(a|b)</c> groups.
/// </summary>
internal sealed class FieldSelection
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, FieldSelection?> _children = new(StringComparer.Ordinal);

    /// <summary>The selected fields in the order first named, each with its nested selection or null.</summary>
    public IEnumerable<(string Name, FieldSelection? Sub)> Fields => _order.Select(n => (n, _children[n]));

    /// <summary>Parses a comma-separated opt_fields value; null when nothing is selected.</summary>
    public static FieldSelection? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Parse(text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Parses a list of field paths; null when nothing is selected.</summary>
    public static FieldSelection? Parse(IEnumerable<string> terms)
    {
        var root = new FieldSelection();
        foreach (var path in terms.SelectMany(Expand))
        {
            var trimmed = path.StartsWith("this.", StringComparison.Ordinal) ? path[5..] : path;
            if (trimmed.Length > 0)
            {
                root.Add(trimmed.Split('.', StringSplitOptions.RemoveEmptyEntries));
            }
        }
        return root._order.Count == 0 ? null : root;
    }

    private void Add(ReadOnlySpan<string> segments)
    {
        if (segments.Length == 0)
        {
            return;
        }
        var name = segments[0];
        if (!_children.TryGetValue(name, out var child))
        {
            _order.Add(name);
            _children[name] = child = segments.Length > 1 ? new FieldSelection() : null;
        }
        else if (child is null && segments.Length > 1)
        {
            _children[name] = child = new FieldSelection();
        }
        child?.Add(segments[1..]);
    }

    // "a.(b|c).d" becomes "a.b.d" and "a.c.d"; groups may nest.
    private static IEnumerable<string> Expand(string term)
    {
        var open = term.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            yield return term;
            yield break;
        }
        var depth = 0;
        var close = -1;
        for (var i = open; i < term.Length && close < 0; i++)
        {
            depth += term[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                close = i;
            }
        }
        if (close < 0)
        {
            yield return term.Replace("(", "", StringComparison.Ordinal);
            yield break;
        }
        foreach (var alternative in SplitTopLevel(term[(open + 1)..close]))
        {
            foreach (var expanded in Expand(term[..open] + alternative + term[(close + 1)..]))
            {
                yield return expanded;
            }
        }
    }

    private static List<string> SplitTopLevel(string group)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < group.Length; i++)
        {
            depth += group[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (group[i] == '|' && depth == 0)
            {
                parts.Add(group[start..i]);
                start = i + 1;
            }
        }
        parts.Add(group[start..]);
        return parts;
    }
}
