using Tolk.Connectors;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;
using Tolk.Sync.Conversion;

namespace Tolk.Engine.Topology;

/// <summary>
/// One datatype mapping that takes part in at least one flow: the records of a dataset in one role, with its mapper,
/// the flows it is the source or target of, and what its connector can do.
/// </summary>
public sealed class Participant
{
    internal Participant(DatatypeMapping mapping, RecordMapper mapper, GlobalType type, DatatypeInfo? info)
    {
        Mapping = mapping;
        Mapper = mapper;
        Type = type;
        Info = info;
        Dataset = new Dataset(mapping.System, mapping.Datatype);
    }

    /// <summary>The mapping.</summary>
    public DatatypeMapping Mapping { get; }

    /// <summary>Its converter between records and shared-model values.</summary>
    public RecordMapper Mapper { get; }

    /// <summary>The global type it maps onto.</summary>
    public GlobalType Type { get; }

    /// <summary>What the connector declares for the datatype; null when no connector serves it.</summary>
    public DatatypeInfo? Info { get; }

    /// <summary>The dataset whose log holds its records.</summary>
    public Dataset Dataset { get; }

    /// <summary>The membership role: the mapping's role, or empty for the primary mapping.</summary>
    public string Role => Mapping.Role ?? "";

    /// <summary>The name flows use (<c>system.datatype[:role]</c>).</summary>
    public string Key => Mapping.Key;

    /// <summary>The flows it is the source of.</summary>
    public List<ResolvedFlow> AsSource { get; } = [];

    /// <summary>The flows it is the target of.</summary>
    public List<ResolvedFlow> AsTarget { get; } = [];

    /// <summary>The participants whose reference fields name this one's records (for a lookup: the ones that need it read).</summary>
    public List<Participant> ReferencedBy { get; } = [];

    /// <summary>Whether it takes part only as the target of references (linked by its type's merge criterion, never written).</summary>
    public bool IsLookup => AsSource.Count == 0 && AsTarget.Count == 0;

    /// <summary>Every flow it takes part in.</summary>
    public IEnumerable<ResolvedFlow> Flows => AsSource.Concat(AsTarget);

    /// <summary>Whether the connector can do <paramref name="wanted"/> with the datatype.</summary>
    public bool Can(Capabilities wanted) => Info?.Can(wanted) ?? false;

    /// <summary>The membership key of one of its records.</summary>
    public MemberKey Member(string recordId) => new(Dataset, recordId, Role);

    /// <summary>Whether a global property is written to the system (on update).</summary>
    public bool Writes(string property) => Mapping.MappingsOf(property).Any(m => m.Writes && !m.InsertOnly);

    /// <summary>The property mapping that carries a reference property.</summary>
    public PropertyMapping? ReferenceMapping(string property) =>
        Mapping.MappingsOf(property).FirstOrDefault(m => m.Format?.Reference is not null);

    /// <inheritdoc />
    public override string ToString() => Key;
}
