namespace Tolk.Hub.Store;

/// <summary>One side of a conflict: the member whose edit it was, the value (JSON) and when it changed.</summary>
public sealed record ConflictSide(Dataset Dataset, string RecordId, string Value, DateTimeOffset ChangedAt);

/// <summary>A conflict to log: two edits of one property of a cluster, the winner kept and the loser recorded.</summary>
public sealed record NewConflict(long ClusterId, string Property, ConflictSide Winner, ConflictSide Loser);

/// <summary>A logged conflict.</summary>
public sealed record Conflict(long Id, long ClusterId, string Property, ConflictSide Winner, ConflictSide Loser, DateTimeOffset DetectedAt);
