using Tolk.Hub.Store;
using Tolk.Sync.Conversion;

namespace Tolk.Engine.Linking;

/// <summary>A record in an ambiguity, with what a person needs to tell it from the others.</summary>
/// <param name="Record">The record.</param>
/// <param name="ClusterId">The cluster it is linked in, or null when it is linked to nothing.</param>
/// <param name="Values">Its shared-model values as its mapping reads them.</param>
public sealed record AmbiguousRecord(MemberKey Record, long? ClusterId, IReadOnlyDictionary<string, CanonicalValue?> Values);

/// <summary>
/// A record that one flow's merge criteria match to several records on the flow's other side. The engine does not
/// guess: the link (and any insert it would make instead) waits until a person links the record to one of them by hand.
/// </summary>
/// <param name="Flow">The flow whose merge criteria match.</param>
/// <param name="Record">The record with several matches.</param>
/// <param name="Side">Where the candidates are (<c>system.datatype[:role]</c>).</param>
/// <param name="Keys">The merge properties of the flow.</param>
/// <param name="Candidates">The records it matches, one of which a person may link it to.</param>
/// <param name="ErrorIds">The unresolved match errors this ambiguity explains (on the record and its candidates).</param>
public sealed record Ambiguity(int Flow, AmbiguousRecord Record, string Side, IReadOnlyList<string> Keys, IReadOnlyList<AmbiguousRecord> Candidates,
    IReadOnlyList<long> ErrorIds)
{
    /// <summary>Every record it names: the record and its candidates.</summary>
    public IEnumerable<MemberKey> Records => Candidates.Select(c => c.Record).Prepend(Record.Record);
}
