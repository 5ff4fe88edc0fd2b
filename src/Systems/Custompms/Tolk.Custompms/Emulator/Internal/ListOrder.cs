namespace Tolk.Custompms.Emulator.Internal;

/// <summary>
/// A collection's list order, (modifiedAt, id) ascending, kept up to date from the database's changes so that a page
/// costs a walk over ids rather than a copy and sort of every record. Stamps are stored in their fixed-width UTC text
/// form, whose ordinal order is time order.
/// </summary>
internal sealed class ListOrder
{
    private static readonly Comparer<(string Stamp, string Id)> Ordinal = Comparer<(string Stamp, string Id)>.Create((a, b) =>
    {
        var byStamp = string.CompareOrdinal(a.Stamp, b.Stamp);
        return byStamp != 0 ? byStamp : string.CompareOrdinal(a.Id, b.Id);
    });

    private static readonly (string, string) End = (char.MaxValue.ToString(), "");

    private readonly SortedSet<(string Stamp, string Id)> _order = new(Ordinal);
    private readonly Dictionary<string, string> _stamps = new(StringComparer.Ordinal);

    public void Apply(string id, string? stamp)
    {
        if (_stamps.Remove(id, out var old))
        {
            _order.Remove((old, id));
        }
        if (stamp is not null)
        {
            _stamps[id] = stamp;
            _order.Add((stamp, id));
        }
    }

    /// <summary>The ids of one page among the records stamped at or after <paramref name="fromStamp"/>, and how many there are.</summary>
    public (int Total, List<string> Ids) Page(string? fromStamp, long skip, int take)
    {
        var view = fromStamp is null ? _order : _order.GetViewBetween((fromStamp, ""), End);
        var total = view.Count;
        var ids = skip >= total ? [] : view.Skip((int)skip).Take(take).Select(e => e.Id).ToList();
        return (total, ids);
    }

    public void Clear()
    {
        _order.Clear();
        _stamps.Clear();
    }
}
