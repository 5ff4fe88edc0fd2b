using Tolk.Engine.Index;
using Tolk.Hub.Store;

namespace Tolk.Engine.Processing;

/// <summary>
/// The circuit breaker that refuses to read a suspiciously short listing as mass deletion: when one batch of the log
/// deletes at least <see cref="Minimum"/> records of a dataset and more than <see cref="Fraction"/> of its live records,
/// those deletions are held until a person confirms them (an API hiccup must never delete data elsewhere).
/// </summary>
public sealed class MassDeleteBreaker(RecordIndex index)
{
    /// <summary>The fewest deletions in one batch that can trip the breaker.</summary>
    public int Minimum { get; init; } = 10;

    /// <summary>The share of a dataset's live records whose deletion in one batch trips the breaker.</summary>
    public double Fraction { get; init; } = 0.25;

    /// <summary>The deletions of <paramref name="batch"/> to hold, by dataset.</summary>
    public IReadOnlyDictionary<Dataset, IReadOnlyList<RecordVersion>> Screen(IReadOnlyList<RecordVersion> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var held = new Dictionary<Dataset, IReadOnlyList<RecordVersion>>();
        var deletions = batch.Where(v => v.Deleted && index.Get(v.Dataset, v.RecordId) is { Deleted: false }).GroupBy(v => v.Dataset);
        foreach (var group in deletions)
        {
            var count = group.Select(v => v.RecordId).Distinct(StringComparer.Ordinal).Count();
            if (count >= Minimum && count > Fraction * index.LiveCount(group.Key))
            {
                held[group.Key] = [.. group];
            }
        }

        return held;
    }
}
