using System.Text.Json.Nodes;
using Tolk.Engine.Running;

namespace Tolk.Server.Api;

/// <summary>A flow as the dashboard shows it.</summary>
/// <param name="Number">The flow's number (1-20).</param>
/// <param name="Seed">The dataflow document it comes from.</param>
/// <param name="Source">Its source mapping (<c>system.datatype[:role]</c>).</param>
/// <param name="Target">Its target mapping.</param>
/// <param name="Paused">Whether it is paused.</param>
/// <param name="ReadOnlyTarget">Whether it never writes to its target.</param>
/// <param name="Links">Linked pairs of source and target records.</param>
/// <param name="Errors">Unresolved errors on its two datasets.</param>
/// <param name="Health"><c>ok</c>, <c>paused</c>, <c>errors</c>, <c>blocked</c> (credentials rejected) or <c>starting</c> (not read yet).</param>
/// <param name="HealthReason">Why it is not ok, in words.</param>
/// <param name="SourceRead">When the source system was last read.</param>
/// <param name="TargetRead">When the target system was last read.</param>
/// <param name="Totals">What it did since the server started.</param>
public sealed record FlowView(int Number, string Seed, string Source, string Target, bool Paused, bool ReadOnlyTarget, int Links, int Errors,
    string Health, string? HealthReason, DateTimeOffset? SourceRead, DateTimeOffset? TargetRead, FlowStats Totals);

/// <summary>One end of a link.</summary>
public sealed record LinkEnd(string System, string Datatype, string RecordId, string JoinedBy, DateTimeOffset JoinedAt);

/// <summary>A linked pair of records of one flow.</summary>
public sealed record LinkView(long ClusterId, LinkEnd Source, LinkEnd Target);

/// <summary>A page of a flow's links.</summary>
public sealed record LinkPage(int Flow, int Total, int Offset, IReadOnlyList<LinkView> Links);

/// <summary>One side of a conflict.</summary>
public sealed record ConflictSideView(string System, string Datatype, string RecordId, JsonNode? Value, DateTimeOffset ChangedAt);

/// <summary>Two edits of one property; the winner was kept everywhere.</summary>
public sealed record ConflictView(long Id, long ClusterId, string? Title, string Property, ConflictSideView Winner, ConflictSideView Loser, DateTimeOffset DetectedAt);

/// <summary>An error with one record at one stage.</summary>
public sealed record ErrorView(long Id, string System, string Datatype, string RecordId, string Stage, string? Field, string Message,
    DateTimeOffset FirstSeen, DateTimeOffset LastSeen, int Attempts, DateTimeOffset? ResolvedAt);

/// <summary>What a retry did.</summary>
public sealed record RetryResult(int Retried);

/// <summary>A version of a record in the hub log.</summary>
public sealed record VersionView(long Seq, string System, string Datatype, string RecordId, DateTimeOffset ObservedAt, DateTimeOffset? ModifiedAt,
    bool Deleted, IReadOnlyList<string> Changed, JsonNode? Content);

/// <summary>One property of a golden record: its value, when it changed, and which system's edit it was.</summary>
public sealed record GoldenView(string Property, JsonNode? Value, string? ChangedAt, string? By);

/// <summary>A member of a cluster with its latest content and the values last synchronized with it.</summary>
public sealed record MemberView(string System, string Datatype, string RecordId, string Role, string JoinedBy, DateTimeOffset JoinedAt,
    string? Title, bool Deleted, JsonNode? Content, JsonNode? SyncedValues);

/// <summary>A cluster: one real-world thing, its golden record and its records in every system.</summary>
public sealed record ClusterView(long Id, string GlobalType, string? Title, IReadOnlyList<GoldenView> Golden, IReadOnlyList<MemberView> Members);

/// <summary>A record across all its linked systems, with the history of every linked record.</summary>
public sealed record RecordView(string System, string Datatype, string RecordId, string? Title, VersionView? Latest,
    IReadOnlyList<ClusterView> Clusters, IReadOnlyList<VersionView> History);

/// <summary>Whether the server and its sync loop are well.</summary>
/// <param name="Status"><c>ok</c>, or <c>degraded</c> when a system is blocked or a webhook registration failed.</param>
/// <param name="StartedAt">When the server started.</param>
/// <param name="LastCycle">How long ago the last cycle ended, in seconds; null before the first.</param>
/// <param name="Systems">Per system: when it was last read, and its webhook state.</param>
public sealed record HealthView(string Status, DateTimeOffset StartedAt, double? LastCycle, IReadOnlyList<SystemHealth> Systems);

/// <summary>One system's health.</summary>
/// <param name="System">The system.</param>
/// <param name="LastRead">When it was last read.</param>
/// <param name="Webhooks"><c>registered</c>, <c>failed</c> or <c>none</c> (the system is polled).</param>
/// <param name="Problem">What is wrong, when something is.</param>
public sealed record SystemHealth(string System, DateTimeOffset? LastRead, string Webhooks, string? Problem);

/// <summary>The open health check: no details, so it can be left unauthenticated for probes.</summary>
/// <param name="Status"><c>ok</c> or <c>degraded</c>.</param>
/// <param name="LastCycle">How long ago the last sync cycle ended, in seconds; null before the first.</param>
public sealed record HealthPing(string Status, double? LastCycle);
