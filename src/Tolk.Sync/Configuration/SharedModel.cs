using Tolk.Sync.Conversion;

namespace Tolk.Sync.Configuration;

/// <summary>The shared model (model.yaml): the global types every datatype maps onto.</summary>
public sealed class SharedModel
{
    /// <summary>Creates the model from its types.</summary>
    public SharedModel(IReadOnlyList<GlobalType> types) => Types = types;

    /// <summary>The global types, in file order.</summary>
    public IReadOnlyList<GlobalType> Types { get; }

    /// <summary>The global type of that name, or null.</summary>
    public GlobalType? Find(string name) => Types.FirstOrDefault(t => t.Name == name);
}

/// <summary>A global type: its properties and its merge criterion.</summary>
/// <param name="Name">The type's name (organization, person, project, task, product).</param>
/// <param name="Properties">The properties, in file order.</param>
/// <param name="Merge">The merge criterion: ordered keys (see model.yaml); empty when records never match.</param>
/// <param name="Location">Where the type is declared.</param>
public sealed record GlobalType(string Name, IReadOnlyList<GlobalProperty> Properties, IReadOnlyList<MergeKey> Merge, SourceLocation Location)
{
    /// <summary>The property of that name, or null.</summary>
    public GlobalProperty? Property(string name) => Properties.FirstOrDefault(p => p.Name == name);

    /// <summary>The properties derived from others.</summary>
    public IEnumerable<GlobalProperty> DerivedProperties => Properties.Where(p => p.Derived is not null);
}

/// <summary>A property of a global type.</summary>
/// <param name="Name">The property's name.</param>
/// <param name="Kind">Its type.</param>
/// <param name="Location">Where it is declared.</param>
public sealed record GlobalProperty(string Name, DataKind Kind, SourceLocation Location)
{
    /// <summary>For an enum: its values.</summary>
    public IReadOnlyList<string> EnumValues { get; init; } = [];

    /// <summary>For a reference: the global type it refers to.</summary>
    public string? Target { get; init; }

    /// <summary>How it is derived from other properties, if it is.</summary>
    public Derivation? Derived { get; init; }
}

/// <summary>A property computed from others, both ways, by a named derivation in code.</summary>
/// <param name="Converter">The derivation's name.</param>
/// <param name="From">The source properties, in the derivation's order.</param>
public sealed record Derivation(string Converter, IReadOnlyList<string> From);
