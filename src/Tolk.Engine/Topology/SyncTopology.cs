using Tolk.Connectors;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;

namespace Tolk.Engine.Topology;

/// <summary>
/// The flows of a configuration seen from the engine: the participating mappings, grouped by dataset, each with its
/// connector's capabilities, and the order global types are planned in (referenced types first).
/// </summary>
public sealed class SyncTopology
{
    // Organizations and people are referenced by projects, projects by tasks: plan in this order.
    private static readonly string[] TypeOrder = ["organization", "person", "product", "project", "task"];

    private readonly Dictionary<string, Participant> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<Dataset, List<Participant>> _byDataset = [];

    /// <summary>Builds the topology of <paramref name="configuration"/> for the given connectors.</summary>
    public SyncTopology(SyncConfiguration configuration, IReadOnlyDictionary<string, IConnector> connectors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(connectors);
        Configuration = configuration;
        foreach (var flow in configuration.Flows)
        {
            Add(flow.Source, connectors).AsSource.Add(flow);
            Add(flow.Target, connectors).AsTarget.Add(flow);
        }

        // The datatypes references point at take part too, as lookups: linked by their type's merge criterion so that a
        // reference can be translated (Crmoffice activity.ownerId names a Crmoffice user, matched by e-mail).
        foreach (var participant in _byKey.Values.ToList())
        {
            foreach (var property in participant.Mapping.Properties.Where(p => p.TargetDatatype is not null))
            {
                if (configuration.MappingsOf(participant.Mapping.System, property.TargetDatatype!).FirstOrDefault(m => m.Role is null) is { } target)
                {
                    Add(target, connectors).ReferencedBy.Add(participant);
                }
            }
        }
    }

    /// <summary>The configuration.</summary>
    public SyncConfiguration Configuration { get; }

    /// <summary>Every participating mapping.</summary>
    public IReadOnlyCollection<Participant> Participants => _byKey.Values;

    /// <summary>The datasets the flows read, referenced types first.</summary>
    public IEnumerable<Dataset> Datasets =>
        _byDataset.OrderBy(d => d.Value.Min(p => Rank(p.Type.Name))).Select(d => d.Key);

    /// <summary>The participant of a flow's source or target mapping.</summary>
    public Participant Of(DatatypeMapping mapping) => _byKey[mapping.Key];

    /// <summary>The participant on the other side of <paramref name="flow"/> from <paramref name="participant"/>.</summary>
    public Participant Counterpart(ResolvedFlow flow, Participant participant)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(participant);
        return Of(flow.Source == participant.Mapping ? flow.Target : flow.Source);
    }

    /// <summary>The participants reading a dataset (its primary mapping and roles).</summary>
    public IReadOnlyList<Participant> Of(Dataset dataset) => _byDataset.TryGetValue(dataset, out var list) ? list : [];

    /// <summary>The participant of a membership, or null when no flow uses that dataset and role.</summary>
    public Participant? Of(MemberKey member) => Of(member.Dataset).FirstOrDefault(p => p.Role == member.Role);

    /// <summary>The participant mapping <paramref name="datatype"/> of <paramref name="system"/> onto <paramref name="globalType"/>.</summary>
    public Participant? Find(string system, string datatype, string globalType) =>
        Of(new Dataset(system, datatype)).FirstOrDefault(p => p.Type.Name == globalType);

    /// <summary>Whether records of <paramref name="dataset"/> (primary role) can be linked to clusters of <paramref name="globalType"/> by a flow, so a reference to one is worth waiting for.</summary>
    public bool IsFlowLinked(Dataset dataset, string globalType) =>
        Of(dataset).Any(p => p.Role.Length == 0 && p.Type.Name == globalType && p.Flows.Any());

    /// <summary>The participants of a global type that take part only as lookups (no flow of their own).</summary>
    public IEnumerable<Participant> Lookups(string globalType) => Participants.Where(p => p.IsLookup && p.Type.Name == globalType);

    /// <summary>The planning rank of a global type (referenced types first).</summary>
    public static int Rank(string globalType)
    {
        var index = Array.IndexOf(TypeOrder, globalType);
        return index < 0 ? TypeOrder.Length : index;
    }

    private Participant Add(DatatypeMapping mapping, IReadOnlyDictionary<string, IConnector> connectors)
    {
        if (_byKey.TryGetValue(mapping.Key, out var existing))
        {
            return existing;
        }

        var info = connectors.TryGetValue(mapping.System, out var connector)
            ? connector.Datatypes.FirstOrDefault(d => d.Name == mapping.Datatype)
            : null;
        var participant = new Participant(mapping, Configuration.Mapper(mapping), Configuration.GlobalTypeOf(mapping), info);
        _byKey[mapping.Key] = participant;
        if (!_byDataset.TryGetValue(participant.Dataset, out var list))
        {
            _byDataset[participant.Dataset] = list = [];
        }

        list.Add(participant);
        return participant;
    }
}
