using System.Text.Json.Nodes;

namespace Tolk.Sync.Configuration;

/// <summary>
/// How one datatype of one system maps onto a global type (config/systems/&lt;system&gt;.yaml): its primary mapping,
/// or its mapping through a named role (<c>asana.task:project</c>).
/// </summary>
/// <param name="System">The system (asana, trello, ...).</param>
/// <param name="Datatype">The datatype (lowercase, as the hub's datasets name it).</param>
/// <param name="Role">The role's name, or null for the primary mapping.</param>
/// <param name="GlobalType">The global type it maps onto.</param>
/// <param name="Location">Where the mapping is declared.</param>
public sealed record DatatypeMapping(string System, string Datatype, string? Role, string GlobalType, SourceLocation Location)
{
    /// <summary>The property mappings, in file order.</summary>
    public IReadOnlyList<PropertyMapping> Properties { get; init; } = [];

    /// <summary>The global properties this datatype cannot carry, with the reasons.</summary>
    public IReadOnlyList<DroppedProperty> Dropped { get; init; } = [];

    /// <summary>For a role: the records it applies to (and the value written when it inserts).</summary>
    public Discriminator? When { get; init; }

    /// <summary>For a primary mapping: the discriminators of the datatype's roles, whose records are not its own.</summary>
    public IReadOnlyList<Discriminator> Unless { get; init; } = [];

    /// <summary>The name flows use: <c>system.datatype</c> or <c>system.datatype:role</c>.</summary>
    public string Key => Role is null ? $"{System}.{Datatype}" : $"{System}.{Datatype}:{Role}";

    /// <summary>Whether a record of the datatype belongs to this mapping (roles with a discriminator take a subset).</summary>
    public bool Applies(JsonObject record) =>
        (When is null || When.Matches(record)) && !Unless.Any(other => other.Matches(record));

    /// <summary>The mappings that carry a global property (read, written, or both).</summary>
    public IEnumerable<PropertyMapping> MappingsOf(string property) => Properties.Where(p => p.Properties.Contains(property));

    /// <summary>Whether some mapping reads the property from the system.</summary>
    public bool Reads(string property) => MappingsOf(property).Any(p => p.Reads);

    /// <summary>The reason the property is dropped, or null when it is not.</summary>
    public DroppedProperty? DroppedReason(string property) => Dropped.FirstOrDefault(d => d.Property == property);

    /// <inheritdoc />
    public override string ToString() => Key;
}

/// <summary>A role's condition: a field holding a constant (Crmoffice <c>category = product</c>).</summary>
/// <param name="Field">The field.</param>
/// <param name="Value">The constant.</param>
/// <param name="Location">Where it is declared.</param>
public sealed record Discriminator(Conversion.FieldPath Field, string Value, SourceLocation Location)
{
    /// <summary>Whether the record's field holds the constant.</summary>
    public bool Matches(JsonObject record) =>
        Field.TryGet(record, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) && text == Value;
}

/// <summary>A global property a datatype cannot carry, and why (a dropped row in the generated documentation).</summary>
/// <param name="Property">The global property.</param>
/// <param name="Reason">Why the API makes the row impossible.</param>
/// <param name="Location">Where it is declared.</param>
public sealed record DroppedProperty(string Property, string Reason, SourceLocation Location);
