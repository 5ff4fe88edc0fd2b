using Tolk.Sync.Conversion;

namespace Tolk.Engine.Golden;

/// <summary>A member's new values, as the merge sees them.</summary>
/// <param name="Label">The member (<c>system/datatype/id</c>).</param>
/// <param name="Current">Its values in golden form (references to clusters), by property; absent: unknown.</param>
/// <param name="Synced">The golden form of the values last synchronized with it; null before its first synchronization.</param>
/// <param name="Edited">The properties whose value differs from the last synchronized one (all of them the first time).</param>
/// <param name="ChangedAt">When the member changed: its system's modification time, else when the change was seen.</param>
/// <param name="IsSource">Whether the member's mapping is the source of a flow (it wins ties).</param>
public sealed record MemberEdit(
    string Label,
    IReadOnlyDictionary<string, CanonicalValue?> Current,
    IReadOnlyDictionary<string, CanonicalValue?>? Synced,
    IReadOnlySet<string> Edited,
    DateTimeOffset ChangedAt,
    bool IsSource);

/// <summary>Two edits of one property: the value kept and the value that lost.</summary>
public sealed record MergeConflict(string Property, GoldenValue Winner, GoldenValue Loser);

/// <summary>
/// Per-property three-way merge of one member's edits into a golden record. A property the member edited wins unless
/// the golden value also moved away from what the member last had and did so later (then the member's edit loses);
/// either way the losing value of such concurrent edits is returned as a conflict. Equal times are won by a flow's
/// source. On a member's first synchronization an empty value is not an edit: it says nothing the cluster does not know.
/// </summary>
public static class ThreeWayMerge
{
    /// <summary>Merges <paramref name="edit"/> into <paramref name="golden"/>; returns the conflicts and whether anything changed.</summary>
    public static (IReadOnlyList<MergeConflict> Conflicts, bool Changed) Apply(GoldenRecord golden, MemberEdit edit, Func<string, bool> isSource)
    {
        ArgumentNullException.ThrowIfNull(golden);
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(isSource);
        var conflicts = new List<MergeConflict>();
        var changed = false;
        foreach (var property in edit.Edited)
        {
            var value = edit.Current.GetValueOrDefault(property);
            var current = golden[property];
            if (current is not null && Equals(current.Value, value))
            {
                continue;
            }

            if (edit.Synced is null && value is null && current is not null)
            {
                continue;
            }

            var mine = new GoldenValue(value, edit.ChangedAt, edit.Label);
            if (current is not null && current.By != edit.Label && current.Value is not null && IsConcurrent(edit, property, current))
            {
                if (GoldenWins(current, edit, isSource))
                {
                    conflicts.Add(new MergeConflict(property, current, mine));
                    continue;
                }

                conflicts.Add(new MergeConflict(property, mine, current));
            }

            golden.Set(property, mine);
            changed = true;
        }

        return (conflicts, changed);
    }

    // The golden value moved away from what the member last had: both sides edited the property.
    private static bool IsConcurrent(MemberEdit edit, string property, GoldenValue current) =>
        edit.Synced is null || !edit.Synced.TryGetValue(property, out var synced) || !Equals(synced, current.Value);

    private static bool GoldenWins(GoldenValue current, MemberEdit edit, Func<string, bool> isSource) =>
        current.ChangedAt != edit.ChangedAt
            ? current.ChangedAt > edit.ChangedAt
            : isSource(current.By) && !edit.IsSource;
}
