using Tolk.Tidsbanken.Emulator.Internal.OData;

namespace Tolk.Tidsbanken.Emulator.Internal;

/// <summary>One property of a Tidsbanken entity: its type and what a client may write to it.</summary>
/// <param name="Required">Must be given (and not empty) on insert, and may never be cleared.</param>
/// <param name="ServerManaged">Maintained by the server; a value a client sends is ignored.</param>
/// <param name="Default">The value an insert that omits the property gets (null unless said).</param>
internal sealed record FieldSpec(
    string Name,
    EdmKind Kind,
    int? MaxLength = null,
    bool Required = false,
    bool ServerManaged = false,
    int? Min = null,
    int? Max = null,
    object? Default = null)
{
    public static FieldSpec Text(string name, int maxLength, bool required = false) => new(name, EdmKind.String, maxLength, required);

    public static FieldSpec Int(string name, int? min = null, int? max = null, bool required = false) =>
        new(name, EdmKind.Int32, Required: required, Min: min, Max: max);

    public static FieldSpec Bool(string name, bool defaultValue) => new(name, EdmKind.Boolean, Required: true, Default: defaultValue);

    public static FieldSpec Date(string name) => new(name, EdmKind.Date);

    public static FieldSpec Stamp(string name) => new(name, EdmKind.DateTimeOffset, ServerManaged: true);
}
