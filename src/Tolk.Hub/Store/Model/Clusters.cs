namespace Tolk.Hub.Store;

/// <summary>How a record joined its cluster.</summary>
public enum JoinedBy
{
    /// <summary>It met a merge criterion.</summary>
    Match,

    /// <summary>Tolk created it for the cluster.</summary>
    Insert,

    /// <summary>A person linked it.</summary>
    Manual,
}

/// <summary>Names one membership: a record of a dataset in the role it plays (a datatype may map to two global types).</summary>
public sealed record MemberKey(Dataset Dataset, string RecordId, string Role);

/// <summary>A record's membership of a cluster, with the canonical values last synchronized with it (JSON, or null).</summary>
public sealed record ClusterMember(
    long ClusterId, Dataset Dataset, string RecordId, string Role, JoinedBy JoinedBy, DateTimeOffset JoinedAt, string? SyncedValues)
{
    /// <summary>The key that names this membership.</summary>
    public MemberKey Key => new(Dataset, RecordId, Role);
}

/// <summary>One real-world thing of one global type: its golden record (JSON) and its members.</summary>
public sealed record Cluster(
    long Id, string GlobalType, string GoldenRecord, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ClusterMember> Members);

/// <summary>A flow's link: a member in the source dataset and one in the target dataset of the same cluster.</summary>
public sealed record FlowLink(long ClusterId, ClusterMember Source, ClusterMember Target);

/// <summary>The outcome of merging two clusters.</summary>
public enum MergeOutcome
{
    /// <summary>The absorbed cluster's members, intents and conflicts now belong to the survivor; the absorbed one is gone.</summary>
    Merged,

    /// <summary>Both ids name the same cluster: nothing to do.</summary>
    SameCluster,

    /// <summary>One of the clusters does not exist.</summary>
    NotFound,

    /// <summary>The clusters hold different global types and cannot be one thing.</summary>
    TypeMismatch,
}
