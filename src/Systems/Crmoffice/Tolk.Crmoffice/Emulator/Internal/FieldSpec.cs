using System.Text.Json.Nodes;

namespace Tolk.Crmoffice.Emulator.Internal;

/// <summary>How a field's value is checked.</summary>
internal enum FieldKind
{
    Text,
    Email,
    OrgNr,
    Boolean,
    DateTime,
    Enum,
    Reference,
    Address,
}

/// <summary>One field of a collection: its kind, whether it is required, its limits, and its value on create when absent.</summary>
internal sealed record FieldSpec(
    string Name,
    FieldKind Kind,
    bool Required = false,
    int MaxLength = CrmofficeAssumptions.MaxTextLength,
    IReadOnlyList<string>? Values = null,
    string? Target = null,
    bool? Default = null)
{
    /// <summary>The value a new record gets when the field is absent.</summary>
    public JsonNode? Initial() => Kind switch
    {
        FieldKind.Address => CrmSchemas.EmptyAddress(),
        FieldKind.Boolean => Default is { } b ? JsonValue.Create(b) : null,
        _ => null,
    };
}

/// <summary>A collection of the API: its name, id prefix and fields in the order the API writes them.</summary>
internal sealed record CollectionSchema(string Name, string Singular, string IdPrefix, IReadOnlyList<FieldSpec> Fields)
{
    /// <summary>The field named <paramref name="name"/>, or null.</summary>
    public FieldSpec? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
