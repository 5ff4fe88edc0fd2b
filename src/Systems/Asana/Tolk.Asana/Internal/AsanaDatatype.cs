using Tolk.Connectors;

namespace Tolk.Asana.Internal;

/// <summary>The JSON shape a field of an Asana record must have (null is always allowed).</summary>
internal enum FieldKind
{
    Text,
    Flag,
    Reference,
    References,
    Texts,
    Object,
    List,
}

/// <summary>One datatype as the connector serves it: its resource, path, capabilities and the fields it asks for.</summary>
internal sealed record AsanaDatatype(string Name, string Path, Capabilities Capabilities, IReadOnlyDictionary<string, FieldKind> Fields)
{
    /// <summary>Asana's resource_type, which is also the configuration's datatype name.</summary>
    public string ResourceType => Name;

    /// <summary>The opt_fields that select every field below (a task's memberships as project and section).</summary>
    public string OptFields => string.Join(",", Fields.Keys.Select(f => f == "memberships" ? "memberships.project,memberships.section" : f));

    /// <summary>Every datatype the dataflows use.</summary>
    public static IReadOnlyList<AsanaDatatype> All { get; } = [.. AsanaFields.Schemas.Select(s => new AsanaDatatype(s.Name, s.Path, s.Capabilities, s.Fields))];

    /// <summary>The datatype named <paramref name="name"/>, or null.</summary>
    public static AsanaDatatype? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    /// <summary>The datatype whose resource_type is <paramref name="resourceType"/>, or null.</summary>
    public static AsanaDatatype? OfResource(string? resourceType) => All.FirstOrDefault(d => d.ResourceType == resourceType);
}
