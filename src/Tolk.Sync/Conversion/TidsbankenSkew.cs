namespace Tolk.Sync.Conversion;

/// <summary>
/// Tidsbanken reports <c>SistEndretDato</c> of Kunde and Prosjekt one hour earlier than the change happened (a fixed
/// hour, whatever the season: the public connector that documents it adds one hour too). Ansatt and
/// <c>OpprettetDato</c> are reported truly. The Tidsbanken connector corrects every such time it reads, and moves its
/// own "changed since" bound back onto the reported scale before it filters with it.
/// </summary>
public static class TidsbankenSkew
{
    /// <summary>How far the reported time is behind the true one.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(1);

    /// <summary>The datatypes whose SistEndretDato is skewed (lowercase dataset names).</summary>
    public static IReadOnlySet<string> SkewedDatatypes { get; } = new HashSet<string>(StringComparer.Ordinal) { "kunde", "prosjekt" };

    /// <summary>The true modification time of a reported SistEndretDato.</summary>
    public static DateTimeOffset Correct(DateTimeOffset reported) => (reported + Offset).ToUniversalTime();

    /// <summary>The reported value for a true modification time (to build a $filter on SistEndretDato).</summary>
    public static DateTimeOffset ToReported(DateTimeOffset trueTime) => (trueTime - Offset).ToUniversalTime();

    /// <summary>The true modification time of a reported SistEndretDato of <paramref name="datatype"/>.</summary>
    public static DateTimeOffset Correct(string datatype, DateTimeOffset reported) =>
        SkewedDatatypes.Contains(datatype) ? Correct(reported) : reported.ToUniversalTime();
}
