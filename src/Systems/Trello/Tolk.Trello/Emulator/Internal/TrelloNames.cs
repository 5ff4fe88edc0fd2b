using System.Text;

namespace Tolk.Trello.Emulator.Internal;

/// <summary>Trello's rules for workspace names and usernames: lowercase letters, digits and underscores, at least three.</summary>
internal static class TrelloNames
{
    public const int MinLength = 3;

    /// <summary>Lowercases and strips every character Trello does not allow; may return fewer than three characters.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Whether a name is already in Trello's form and long enough.</summary>
    public static bool IsValid(string text) => text.Length >= MinLength && Normalise(text) == text;

    /// <summary>Appends 1, 2, 3... until <paramref name="taken"/> says no, as Trello does for a name in use.</summary>
    public static string MakeUnique(string name, Func<string, bool> taken)
    {
        if (!taken(name))
        {
            return name;
        }
        for (var n = 1; ; n++)
        {
            var candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Folds the Norwegian letters the way people type them in usernames (ø → o), then normalises.</summary>
    public static string FromPersonName(string fullName) =>
        Normalise(fullName.ToLowerInvariant().Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ø", "o", StringComparison.Ordinal).Replace("å", "a", StringComparison.Ordinal));

    /// <summary>Initials as Trello derives them: the first letter of up to four words, upper case.</summary>
    public static string Initials(string fullName) =>
        string.Concat(fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4).Select(w => char.ToUpperInvariant(w[0])));
}
