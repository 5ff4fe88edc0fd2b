using Tolk.Connectors;

namespace Tolk.Trello.Internal;

/// <summary>
/// Compares a fresh listing with the fingerprints of the last one: records whose content changed (or that are new) are
/// passed on, unchanged ones are not, and ids the listing no longer holds are reported as deleted once the whole
/// listing has been seen. A record met twice (a member of two workspaces) counts once; a malformed record keeps its
/// old fingerprint, so it is neither passed on nor taken for deleted.
/// </summary>
internal sealed class ListingDiff(IReadOnlyDictionary<string, string> previous)
{
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _problemIds = new(StringComparer.Ordinal);
    private readonly List<ConnectorRecord> _changed = [];
    private readonly List<ReadProblem> _problems = [];

    public void Add(ConnectorRecord record)
    {
        if (_seen.ContainsKey(record.Id))
        {
            return;
        }
        var fingerprint = Fingerprint.Of(record.Properties);
        _seen[record.Id] = fingerprint;
        if (previous.GetValueOrDefault(record.Id) != fingerprint)
        {
            _changed.Add(record);
        }
    }

    public void Problem(ReadProblem problem)
    {
        if (problem.RecordId is { } id)
        {
            if (!_problemIds.Add(id) || _seen.ContainsKey(id))
            {
                return;
            }
            _seen[id] = previous.GetValueOrDefault(id) ?? "";
        }
        _problems.Add(problem);
    }

    /// <summary>The changed records and the problems met since the last call.</summary>
    public (List<ConnectorRecord> Records, List<ReadProblem> Problems) Take()
    {
        var taken = (_changed.ToList(), _problems.ToList());
        _changed.Clear();
        _problems.Clear();
        return taken;
    }

    /// <summary>The fingerprints to save while the listing is still under way: the old ones, updated with what was read.</summary>
    public Dictionary<string, string> SoFar()
    {
        var merged = new Dictionary<string, string>(previous, StringComparer.Ordinal);
        foreach (var (id, fingerprint) in _seen)
        {
            merged[id] = fingerprint;
        }
        return merged;
    }

    /// <summary>The fingerprints of the complete listing.</summary>
    public Dictionary<string, string> Seen => new(_seen, StringComparer.Ordinal);

    /// <summary>Everything the last listing held and this complete one does not: gone.</summary>
    public List<ConnectorRecord> Missing() =>
        [.. previous.Keys.Where(id => !_seen.ContainsKey(id)).Order(StringComparer.Ordinal).Select(id => RecordReader.Deleted(id))];
}
