namespace Tolk.Sync.Configuration;

/// <summary>What a delete on one side of a link does (flows.yaml's <c>delete</c>).</summary>
public enum DeletePolicy
{
    /// <summary>Unlink and log; nothing is deleted elsewhere (the default).</summary>
    Unlink,

    /// <summary>Delete the linked record, or archive/deactivate it where the API cannot delete.</summary>
    Propagate,

    /// <summary>Archive/deactivate the linked record, never delete it.</summary>
    Archive,
}

/// <summary>A datatype mapping as a flow names it: <c>system.datatype</c> or <c>system.datatype:role</c>.</summary>
/// <param name="System">The system.</param>
/// <param name="Datatype">The datatype.</param>
/// <param name="Role">The role, or null for the primary mapping.</param>
public sealed record DatatypeRef(string System, string Datatype, string? Role = null)
{
    /// <summary>Parses <c>system.datatype[:role]</c>; null when malformed.</summary>
    public static DatatypeRef? TryParse(string text)
    {
        var (path, role) = text.Split(':') switch
        {
            [var p] => (p, null),
            [var p, var r] when r.Length > 0 => (p, r),
            _ => ("", (string?)null),
        };
        return path.Split('.') is [{ Length: > 0 } system, { Length: > 0 } datatype] ? new DatatypeRef(system, datatype, role) : null;
    }

    /// <inheritdoc />
    public override string ToString() => Role is null ? $"{System}.{Datatype}" : $"{System}.{Datatype}:{Role}";
}

/// <summary>A flow as flows.yaml declares it, with the defaults applied.</summary>
/// <param name="Number">The flow's number (1-20 in spec/dataflows.md).</param>
/// <param name="Seed">The seed document it comes from ("000".."004").</param>
/// <param name="Source">Where new records come from.</param>
/// <param name="Target">Where they are linked or inserted.</param>
/// <param name="Location">Where the flow is declared.</param>
public sealed record FlowDefinition(int Number, string Seed, DatatypeRef Source, DatatypeRef Target, SourceLocation Location)
{
    /// <summary>The merge criterion the flow declares, or null for its global type's.</summary>
    public IReadOnlyList<MergeKey>? Merge { get; init; }

    /// <summary>What a delete does.</summary>
    public DeletePolicy Delete { get; init; }

    /// <summary>Whether records that existed before the flow was switched on are linked or inserted.</summary>
    public bool SyncExisting { get; init; } = true;

    /// <summary>Whether the flow never writes to the target (its edits still flow back).</summary>
    public bool ReadOnlyTarget { get; init; }

    /// <summary>Whether the flow is paused (no reads or writes; changes queue up).</summary>
    public bool Paused { get; init; }

    /// <summary>Settings the target's connector needs for this flow (e.g. Trello's board, list and card).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
}

/// <summary>A flow with both of its mappings resolved and its property table built.</summary>
/// <param name="Definition">The flow as declared.</param>
/// <param name="Source">The source datatype's mapping.</param>
/// <param name="Target">The target datatype's mapping.</param>
/// <param name="Table">The join of both mappings on the global properties.</param>
/// <param name="Merge">The merge keys in effect: the declared or default ones that both sides read.</param>
public sealed record ResolvedFlow(FlowDefinition Definition, DatatypeMapping Source, DatatypeMapping Target, PropertyTable Table, IReadOnlyList<MergeKey> Merge)
{
    /// <summary>The flow's number.</summary>
    public int Number => Definition.Number;

    /// <inheritdoc />
    public override string ToString() => $"flow {Number}: {Source.Key} → {Target.Key}";
}
