namespace Tolk.Sync.Conversion.Named;

/// <summary>A property derived from others, both ways (model.yaml's <c>derived</c>).</summary>
internal interface IDerivation
{
    /// <summary>The name model.yaml uses.</summary>
    string Name { get; }

    /// <summary>The kinds of the source properties, in order.</summary>
    DataKind[] Sources { get; }

    /// <summary>The kind of the derived property.</summary>
    DataKind Derived { get; }

    /// <summary>The derived value of the sources.</summary>
    CanonicalValue? Forward(IReadOnlyList<CanonicalValue?> sources);

    /// <summary>The sources of a derived value, keeping the current sources where they still fit.</summary>
    CanonicalValue?[] Backward(CanonicalValue? derived, IReadOnlyList<CanonicalValue?> current);
}

/// <summary>Every derivation, by name.</summary>
internal static class Derivations
{
    private static readonly Dictionary<string, IDerivation> ByName = new IDerivation[] { new FullName() }.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => ByName.Keys;

    public static IDerivation? Find(string name) => ByName.GetValueOrDefault(name);
}
