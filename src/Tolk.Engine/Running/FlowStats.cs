namespace Tolk.Engine.Running;

/// <summary>What one flow did in a cycle (or since start): the figures `tolk demo` and `tolk status` show.</summary>
public sealed class FlowStats
{
    /// <summary>Records of the flow's two datatypes processed.</summary>
    public int Read { get; set; }

    /// <summary>Links made by a merge criterion.</summary>
    public int Matched { get; set; }

    /// <summary>Target records created.</summary>
    public int Inserted { get; set; }

    /// <summary>Records updated on either side.</summary>
    public int Updated { get; set; }

    /// <summary>Writes waiting for a referenced record to be linked.</summary>
    public int Waiting { get; set; }

    /// <summary>Errors recorded.</summary>
    public int Errors { get; set; }

    /// <summary>Conflicts logged.</summary>
    public int Conflicts { get; set; }

    /// <summary>Links removed because a record was deleted.</summary>
    public int Unlinked { get; set; }

    /// <summary>Records deleted or archived by propagation.</summary>
    public int Deleted { get; set; }

    /// <summary>Adds another's figures to this one.</summary>
    public void Add(FlowStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Read += other.Read;
        Matched += other.Matched;
        Inserted += other.Inserted;
        Updated += other.Updated;
        Waiting += other.Waiting;
        Errors += other.Errors;
        Conflicts += other.Conflicts;
        Unlinked += other.Unlinked;
        Deleted += other.Deleted;
    }
}
