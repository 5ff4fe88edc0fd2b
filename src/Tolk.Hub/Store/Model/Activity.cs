namespace Tolk.Hub.Store;

/// <summary>What kind of thing the sync did.</summary>
public static class ActivityKinds
{
    /// <summary>A record was created in a system for its cluster.</summary>
    public const string Inserted = "inserted";

    /// <summary>A linked record was updated.</summary>
    public const string Updated = "updated";

    /// <summary>A record was linked by a merge criterion or by hand.</summary>
    public const string Linked = "linked";

    /// <summary>A record left its cluster (deleted, or unlinked by hand).</summary>
    public const string Unlinked = "unlinked";

    /// <summary>A linked record was deleted or archived because its counterpart was deleted.</summary>
    public const string Deleted = "deleted";
}

/// <summary>An entry to add to the activity log: what happened to which record, and why, in words a person reads.</summary>
public sealed record NewActivity(string Kind, long? ClusterId, Dataset Dataset, string RecordId, string Message);

/// <summary>An entry of the activity log.</summary>
public sealed record Activity(long Id, DateTimeOffset At, string Kind, long? ClusterId, Dataset Dataset, string RecordId, string Message);

/// <summary>One record of one dataset, to filter by.</summary>
public sealed record MemberRecord(Dataset Dataset, string RecordId);
