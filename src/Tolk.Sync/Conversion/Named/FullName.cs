namespace Tolk.Sync.Conversion.Named;

/// <summary>
/// person.full_name derived both ways from first_name and last_name (model.yaml). Joined with one space. Split back:
/// when the full name ends with the current last name, or else starts with the current first name, that part is kept
/// and the rest is the other part; otherwise it is split at the last space ("Ole Martin Hansen" → "Ole Martin",
/// "Hansen"). Lossless for a join of trimmed names when the current names are known, and for a last name without spaces
/// when they are not.
/// </summary>
internal sealed class FullName : IDerivation
{
    public string Name => "full_name";

    public DataKind[] Sources => [DataKind.String, DataKind.String];

    public DataKind Derived => DataKind.String;

    public CanonicalValue? Forward(IReadOnlyList<CanonicalValue?> sources) =>
        CanonicalValue.OfText(Join((sources[0] as TextValue)?.Value, (sources[1] as TextValue)?.Value));

    public CanonicalValue?[] Backward(CanonicalValue? derived, IReadOnlyList<CanonicalValue?> current)
    {
        if (derived is not TextValue full)
        {
            return [null, null];
        }

        var (first, last) = Split(full.Value, (current[0] as TextValue)?.Value, (current[1] as TextValue)?.Value);
        return [CanonicalValue.OfText(first), CanonicalValue.OfText(last)];
    }

    /// <summary>The full name of a first and a last name (either may be missing).</summary>
    public static string? Join(string? first, string? last) =>
        string.Join(' ', new[] { first?.Trim(), last?.Trim() }.Where(part => !string.IsNullOrEmpty(part))) is { Length: > 0 } joined ? joined : null;

    /// <summary>The first and last name in a full name, keeping the current parts where they still fit.</summary>
    public static (string? First, string? Last) Split(string fullName, string? currentFirst = null, string? currentLast = null)
    {
        var full = fullName.Trim();
        if (!string.IsNullOrEmpty(currentLast) && full.Length > currentLast.Length + 1 && full.EndsWith(" " + currentLast, StringComparison.Ordinal))
        {
            return (full[..^(currentLast.Length + 1)].TrimEnd(), currentLast);
        }

        if (!string.IsNullOrEmpty(currentFirst) && full.Length > currentFirst.Length + 1 && full.StartsWith(currentFirst + " ", StringComparison.Ordinal))
        {
            return (currentFirst, full[(currentFirst.Length + 1)..].TrimStart());
        }

        if (!string.IsNullOrEmpty(currentFirst) && string.IsNullOrEmpty(currentLast) && full == currentFirst)
        {
            return (currentFirst, null);
        }

        var space = full.LastIndexOfAny([' ', '\t']);
        return space < 0 ? (full.Length == 0 ? null : full, null) : (full[..space].TrimEnd(), full[(space + 1)..]);
    }
}
