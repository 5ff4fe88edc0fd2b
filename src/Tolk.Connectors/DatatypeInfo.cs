namespace Tolk.Connectors;

/// <summary>What a connector can do with one datatype, declared up front so the engine never learns it by failing.</summary>
[Flags]
public enum Capabilities
{
    /// <summary>Read only.</summary>
    None = 0,
    /// <summary>Records can be created through the API.</summary>
    Create = 1,
    /// <summary>Records can be updated through the API.</summary>
    Update = 2,
    /// <summary>Records can be deleted through the API.</summary>
    Delete = 4,
    /// <summary>Records cannot be deleted but can be archived or deactivated (what "delete" propagates as).</summary>
    Archive = 8,
    /// <summary>The system pushes change notifications (webhooks) for this datatype.</summary>
    Webhooks = 16,
    /// <summary>
    /// Records can be read one by one by id (<see cref="IConnector.ReadRecordsAsync"/>): what a webhook names is read
    /// directly, cheaper than a change-feed read when a rate limit is tight.
    /// </summary>
    ReadById = 32,
}

/// <summary>One datatype of a system as its connector serves it.</summary>
/// <param name="Name">Lower-case datatype name as the configuration uses it (task, customer, kunde).</param>
/// <param name="Capabilities">What the connector can do with it.</param>
/// <param name="ChangeMechanism">How incremental reads find changes, in words a person can read in `tolk status`.</param>
public sealed record DatatypeInfo(string Name, Capabilities Capabilities, string ChangeMechanism)
{
    /// <summary>Whether every flag of <paramref name="wanted"/> is declared.</summary>
    public bool Can(Capabilities wanted) => (Capabilities & wanted) == wanted;
}
