using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Engine.Topology;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;
using Tolk.Sync.Conversion;

namespace Tolk.Engine.Index;

/// <summary>
/// The latest version of every record the flows read, with its shared-model values per participant and an index of
/// its merge-key values, so that matching a record costs a lookup rather than a scan. Rebuilt from the hub log at start.
/// </summary>
public sealed class RecordIndex
{
    private readonly SyncTopology _topology;
    private readonly Dictionary<Dataset, Dictionary<string, IndexedRecord>> _records = [];
    private readonly Dictionary<string, Dictionary<string, IReadOnlyDictionary<string, CanonicalValue?>>> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<MergeKey>> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Participant, MergeKey Key, string Value), HashSet<string>> _keyIndex = [];

    /// <summary>Creates an empty index for the topology's participants.</summary>
    public RecordIndex(SyncTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        _topology = topology;
        foreach (var participant in topology.Participants)
        {
            _values[participant.Key] = new(StringComparer.Ordinal);
            _keys[participant.Key] = [.. participant.Flows.SelectMany(f => f.Merge).Concat(participant.Type.Merge).Distinct()];
        }
    }

    /// <summary>The number of records indexed.</summary>
    public int Count => _records.Values.Sum(r => r.Count);

    /// <summary>The record's latest version, or null.</summary>
    public IndexedRecord? Get(Dataset dataset, string id) =>
        _records.TryGetValue(dataset, out var records) && records.TryGetValue(id, out var record) ? record : null;

    /// <summary>The live (not deleted) records of a dataset.</summary>
    public int LiveCount(Dataset dataset) => _records.TryGetValue(dataset, out var records) ? records.Values.Count(r => !r.Deleted) : 0;

    /// <summary>The ids of a dataset's live records.</summary>
    public IEnumerable<string> Ids(Dataset dataset) =>
        _records.TryGetValue(dataset, out var records) ? records.Values.Where(r => !r.Deleted).Select(r => r.Id).ToList() : [];

    /// <summary>A record's values as a participant reads them (without golden context), or null when it does not apply.</summary>
    public IReadOnlyDictionary<string, CanonicalValue?>? Values(Participant participant, string id) =>
        _values[participant.Key].GetValueOrDefault(id);

    /// <summary>The live records of a participant whose value of <paramref name="key"/> normalises to <paramref name="normalized"/>.</summary>
    public IEnumerable<string> WithKey(Participant participant, MergeKey key, string normalized) =>
        _keyIndex.TryGetValue((participant.Key, key, normalized), out var ids) ? ids : [];

    /// <summary>
    /// Takes in a new version: replaces the record, reprojects it for every participant of its dataset and reindexes its
    /// keys. Returns the parsed record, or null when its content is not a JSON object.
    /// </summary>
    public IndexedRecord? Apply(RecordVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!_records.TryGetValue(version.Dataset, out var records))
        {
            _records[version.Dataset] = records = new(StringComparer.Ordinal);
        }

        var previous = records.GetValueOrDefault(version.RecordId);
        JsonObject? content;
        try
        {
            content = JsonNode.Parse(version.Content) as JsonObject;
        }
        catch (JsonException)
        {
            content = null;
        }

        if (content is null)
        {
            return null;
        }

        var record = new IndexedRecord(version, content, previous?.FirstSeq ?? version.Seq);
        records[version.RecordId] = record;
        foreach (var participant in _topology.Of(version.Dataset))
        {
            Unindex(participant, version.RecordId);
            if (!record.Deleted && participant.Mapping.Applies(content))
            {
                var values = participant.Mapper.Read(content).Values;
                _values[participant.Key][version.RecordId] = values;
                Index(participant, version.RecordId, values);
            }
        }

        return record;
    }

    private void Index(Participant participant, string id, IReadOnlyDictionary<string, CanonicalValue?> values)
    {
        foreach (var key in _keys[participant.Key])
        {
            if (key.Normalize(values.GetValueOrDefault(key.Property)) is { } normalized)
            {
                var slot = (participant.Key, key, normalized);
                if (!_keyIndex.TryGetValue(slot, out var ids))
                {
                    _keyIndex[slot] = ids = new(StringComparer.Ordinal);
                }

                ids.Add(id);
            }
        }
    }

    private void Unindex(Participant participant, string id)
    {
        if (!_values[participant.Key].Remove(id, out var old))
        {
            return;
        }

        foreach (var key in _keys[participant.Key])
        {
            if (key.Normalize(old.GetValueOrDefault(key.Property)) is { } normalized
                && _keyIndex.TryGetValue((participant.Key, key, normalized), out var ids))
            {
                ids.Remove(id);
            }
        }
    }
}
