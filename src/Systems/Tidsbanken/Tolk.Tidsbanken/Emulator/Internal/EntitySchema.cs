namespace Tolk.Tidsbanken.Emulator.Internal;

/// <summary>
/// One Tidsbanken entity type as the API shows it: the OData entity set (under its area, e.g. <c>prosjekt/Kunde</c>),
/// the key and the properties in the order the API writes them.
/// </summary>
internal sealed class EntitySchema
{
    private readonly Dictionary<string, FieldSpec> _byName;

    public EntitySchema(string area, string entitySet, string typeName, IReadOnlyList<FieldSpec> fields, bool skewedModificationTime)
    {
        Area = area;
        EntitySet = entitySet;
        TypeName = typeName;
        Fields = fields;
        SkewedModificationTime = skewedModificationTime;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        Key = fields[0];
    }

    /// <summary>The route's first segment: <c>prosjekt</c> or <c>ansatt</c>.</summary>
    public string Area { get; }

    /// <summary>The entity set's name as <c>@odata.context</c> shows it.</summary>
    public string EntitySet { get; }

    /// <summary>The entity type's name, also the emulator's collection name.</summary>
    public string TypeName { get; }

    public IReadOnlyList<FieldSpec> Fields { get; }

    /// <summary>The key property, always the first: <c>Id</c>.</summary>
    public FieldSpec Key { get; }

    /// <summary>Whether the skew switch moves this type's <c>SistEndretDato</c> (Kunde and Prosjekt).</summary>
    public bool SkewedModificationTime { get; }

    /// <summary>The property by name, case-insensitively as Tidsbanken resolves names, or null.</summary>
    public FieldSpec? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The qualified type name OData error messages use.</summary>
    public string QualifiedName => "Tidsbanken." + TypeName;
}
