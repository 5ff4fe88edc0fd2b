namespace Tolk.Custompms.Emulator.Internal;

/// <summary>A collection of the API: its path name, what one record is called, and its writable fields in order.</summary>
internal sealed record CollectionSchema(string Name, string Singular, IReadOnlyList<FieldRule> Fields)
{
    /// <summary>Fields every record has that no client writes.</summary>
    public static readonly string[] ReadOnly = ["id", "createdAt", "modifiedAt"];

    public FieldRule? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public IEnumerable<FieldRule> References => Fields.Where(f => f.Kind == FieldKind.Reference);
}
