using System.Text.Json.Nodes;

namespace Tolk.Customerp.Emulator.Internal;

/// <summary>The kinds of value a Customerp field holds, each with its own validation.</summary>
internal enum FieldKind
{
    Text,
    Boolean,
    Date,
    Amount,
    Percent,
    Reference,
    Choice,
    OrgNumber,
    Country,
    Currency,
}

/// <summary>One writable field of a collection and the rules its values obey.</summary>
internal sealed record FieldRule(string Name, FieldKind Kind)
{
    /// <summary>Must be in every create and can never be null.</summary>
    public bool Required { get; init; }

    /// <summary>May be left out (a default applies) but can never be null.</summary>
    public bool NotNull { get; init; }

    public int MaxLength { get; init; }

    /// <summary>Unique among the collection's records that are not deleted.</summary>
    public bool Unique { get; init; }

    /// <summary>Whether uniqueness ignores case (emails).</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>The collection a reference points into.</summary>
    public string? Target { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The value on create when the body leaves the field out; null when it is simply null.</summary>
    public Func<JsonNode?>? Default { get; init; }

    public static FieldRule Text(string name, int maxLength) => new(name, FieldKind.Text) { MaxLength = maxLength };

    public static FieldRule Flag(string name) => new(name, FieldKind.Boolean) { NotNull = true, Default = () => true };

    public static FieldRule Reference(string name, string target) => new(name, FieldKind.Reference) { Target = target };

    /// <summary>The key under which uniqueness is checked.</summary>
    public string UniqueKey(string value) => IgnoreCase ? value.ToUpperInvariant() : value;
}

/// <summary>A collection of the API: its path name, its event name and its writable fields in output order.</summary>
internal sealed record CollectionSchema(string Name, string Singular, IReadOnlyList<FieldRule> Fields)
{
    /// <summary>Fields the server owns; a client that sends them gets 400.</summary>
    public static readonly IReadOnlyList<string> ReadOnly = ["id", "created_at", "updated_at", "deleted_at", "version"];

    public FieldRule? Find(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public IEnumerable<FieldRule> UniqueFields => Fields.Where(f => f.Unique);
}
