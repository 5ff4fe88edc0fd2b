using Tolk.Sync.Conversion;

namespace Tolk.Sync.Configuration;

/// <summary>How two values of a merge key are compared.</summary>
public enum MergeCompare
{
    /// <summary>Equal canonical text.</summary>
    Exact,

    /// <summary>Equal after trimming white space.</summary>
    Trimmed,

    /// <summary>Equal after trimming and case folding.</summary>
    CaseInsensitive,

    /// <summary>Equal digits, whatever else is written between them.</summary>
    Digits,
}

/// <summary>One key of a merge criterion: a property and how its values are compared.</summary>
/// <param name="Property">The global property.</param>
/// <param name="Compare">The comparison.</param>
public sealed record MergeKey(string Property, MergeCompare Compare)
{
    /// <summary>The configuration names of the comparisons.</summary>
    public static IReadOnlyDictionary<string, MergeCompare> CompareNames { get; } = new Dictionary<string, MergeCompare>(StringComparer.Ordinal)
    {
        ["exact"] = MergeCompare.Exact,
        ["trimmed"] = MergeCompare.Trimmed,
        ["case_insensitive"] = MergeCompare.CaseInsensitive,
        ["digits"] = MergeCompare.Digits,
    };

    /// <summary>The value as compared: two records match on this key when their normalised values are equal. Null: no value.</summary>
    public string? Normalize(CanonicalValue? value)
    {
        var text = value?.Text;
        var normalized = Compare switch
        {
            _ when text is null => null,
            MergeCompare.Trimmed => text.Trim(),
            MergeCompare.CaseInsensitive => text.Trim().ToUpperInvariant(),
            MergeCompare.Digits => new string([.. text.Where(char.IsAsciiDigit)]),
            _ => text,
        };
        return string.IsNullOrEmpty(normalized) ? null : normalized;
    }

    /// <summary>
    /// Whether two records (their canonical values by property) match under ordered keys: the first key both have a
    /// value for decides; null when no key is present on both sides (no match: insert and track).
    /// </summary>
    public static bool? Decide(IReadOnlyList<MergeKey> keys, IReadOnlyDictionary<string, CanonicalValue?> a, IReadOnlyDictionary<string, CanonicalValue?> b)
    {
        foreach (var key in keys)
        {
            var left = key.Normalize(a.GetValueOrDefault(key.Property));
            var right = key.Normalize(b.GetValueOrDefault(key.Property));
            if (left is not null && right is not null)
            {
                return string.Equals(left, right, StringComparison.Ordinal);
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Property} ({CompareNames.First(p => p.Value == Compare).Key})";
}
