using Tolk.Hub.Store;

namespace Tolk.Engine.Running;

/// <summary>
/// What a cycle reads: datasets through their change feeds, and single records a webhook delivery named, which the
/// engine reads directly where the connector can (<c>Capabilities.ReadById</c>) and through the change feed elsewhere.
/// </summary>
public sealed class CollectRequest
{
    private readonly HashSet<Dataset> _datasets = [];
    private readonly Dictionary<Dataset, HashSet<string>> _records = [];

    /// <summary>A request for nothing; add to it.</summary>
    public CollectRequest()
    {
    }

    /// <summary>A request for <paramref name="datasets"/> through their change feeds.</summary>
    public CollectRequest(IEnumerable<Dataset> datasets) => _datasets.UnionWith(datasets);

    /// <summary>The datasets to read through their change feeds.</summary>
    public IReadOnlySet<Dataset> Datasets => _datasets;

    /// <summary>The records to read directly, by dataset; a dataset also in <see cref="Datasets"/> is left out (its feed covers them).</summary>
    public IEnumerable<(Dataset Dataset, IReadOnlyCollection<string> Ids)> Records =>
        _records.Where(r => !_datasets.Contains(r.Key)).Select(r => (r.Key, (IReadOnlyCollection<string>)r.Value));

    /// <summary>Whether it asks for nothing.</summary>
    public bool IsEmpty => _datasets.Count == 0 && _records.Count == 0;

    /// <summary>Asks for <paramref name="dataset"/> through its change feed.</summary>
    public CollectRequest Read(Dataset dataset)
    {
        _datasets.Add(dataset);
        return this;
    }

    /// <summary>Asks for one record of <paramref name="dataset"/>.</summary>
    public CollectRequest Read(Dataset dataset, string recordId)
    {
        if (!_records.TryGetValue(dataset, out var ids))
        {
            _records[dataset] = ids = new HashSet<string>(StringComparer.Ordinal);
        }

        ids.Add(recordId);
        return this;
    }

    /// <summary>Adds everything <paramref name="other"/> asks for.</summary>
    public CollectRequest Add(CollectRequest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _datasets.UnionWith(other._datasets);
        foreach (var (dataset, ids) in other._records)
        {
            foreach (var id in ids)
            {
                Read(dataset, id);
            }
        }

        return this;
    }
}
