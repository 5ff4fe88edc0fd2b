using Tolk.Sync.Conversion;

namespace Tolk.Sync.Configuration;

/// <summary>The whole, validated configuration: the shared model, every datatype mapping, and the flows.</summary>
public sealed class SyncConfiguration
{
    internal SyncConfiguration(SharedModel model, IReadOnlyList<DatatypeMapping> mappings, IReadOnlyList<ResolvedFlow> flows)
    {
        Model = model;
        Mappings = mappings;
        Flows = flows;
    }

    /// <summary>The shared model.</summary>
    public SharedModel Model { get; }

    /// <summary>Every datatype mapping of every system (primary mappings and roles).</summary>
    public IReadOnlyList<DatatypeMapping> Mappings { get; }

    /// <summary>The flows, in file order, resolved to their mappings.</summary>
    public IReadOnlyList<ResolvedFlow> Flows { get; }

    /// <summary>The systems that have a mapping file.</summary>
    public IEnumerable<string> Systems => Mappings.Select(m => m.System).Distinct();

    /// <summary>The mapping a flow names (<c>system.datatype</c> or <c>system.datatype:role</c>), or null.</summary>
    public DatatypeMapping? Mapping(DatatypeRef reference) => Mappings.FirstOrDefault(m => m.Key == reference.ToString());

    /// <summary>The mappings of one datatype: its primary mapping and its roles.</summary>
    public IEnumerable<DatatypeMapping> MappingsOf(string system, string datatype) =>
        Mappings.Where(m => m.System == system && m.Datatype == datatype);

    /// <summary>The flow with that number, or null.</summary>
    public ResolvedFlow? Flow(int number) => Flows.FirstOrDefault(f => f.Number == number);

    /// <summary>The global type a mapping maps onto.</summary>
    public GlobalType GlobalTypeOf(DatatypeMapping mapping) => Model.Find(mapping.GlobalType)!;

    /// <summary>The converter between a mapping's records and shared-model values.</summary>
    public RecordMapper Mapper(DatatypeMapping mapping) => new(mapping, GlobalTypeOf(mapping));
}
