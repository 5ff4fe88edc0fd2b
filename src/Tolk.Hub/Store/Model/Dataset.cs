namespace Tolk.Hub.Store;

/// <summary>One (system, datatype) pair, e.g. (asana, task): the unit the hub keeps one log for. Names are lower-case.</summary>
public readonly record struct Dataset
{
    /// <summary>Creates a dataset; both names must be non-empty and lower-case.</summary>
    public Dataset(string system, string datatype)
    {
        System = Check(system, nameof(system));
        Datatype = Check(datatype, nameof(datatype));
    }

    /// <summary>The system's name, e.g. <c>asana</c>.</summary>
    public string System { get; }

    /// <summary>The datatype's name in that system, e.g. <c>task</c>.</summary>
    public string Datatype { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{System}/{Datatype}";

    private static string Check(string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameter);
        if (!string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal) || name.Trim().Length != name.Length)
        {
            throw new ArgumentException($"Dataset names are lower-case without surrounding spaces: '{name}'.", parameter);
        }
        return name;
    }
}
