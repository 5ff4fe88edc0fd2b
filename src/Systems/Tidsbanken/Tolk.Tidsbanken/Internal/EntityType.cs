namespace Tolk.Tidsbanken.Internal;

/// <summary>The JSON shape the API documents for a property.</summary>
internal enum FieldKind
{
    Text,
    Integer,
    Flag,
    Date,
    Timestamp,
}

/// <summary>What "delete" means for a type: a real delete, or the flag the API has instead.</summary>
internal enum RemoveMode
{
    Delete,
    Deactivate,
    Close,
}

/// <summary>One field of an entity type as the spec lists it.</summary>
internal sealed record FieldInfo(string Name, FieldKind Kind);

/// <summary>
/// One Tidsbanken entity type as the connector uses it: its routes (they differ per verb for Ansatt), its key, its
/// documented fields (asked for with <c>$select</c>), whether its <c>SistEndretDato</c> is skewed, and how it is removed.
/// </summary>
internal sealed record EntityType(
    string Name,
    string ListPath,
    string InsertPath,
    string UpdatePath,
    bool IntegerKey,
    bool KeyedGet,
    bool Skewed,
    RemoveMode Remove,
    IReadOnlyList<FieldInfo> Fields)
{
    public const string Key = "Id";
    public const string Modified = "SistEndretDato";
    public const string Created = "OpprettetDato";

    /// <summary>Properties the server maintains; a write never sends them.</summary>
    public static readonly IReadOnlySet<string> ServerManaged = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Modified, Created, "PostId",
    };

    /// <summary>The <c>$select</c> list: every documented field.</summary>
    public string Select => string.Join(',', Fields.Select(f => f.Name));

    /// <summary>The field by name (case-insensitive, as the API resolves names), or null.</summary>
    public FieldInfo? Find(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
