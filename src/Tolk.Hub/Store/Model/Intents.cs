namespace Tolk.Hub.Store;

/// <summary>Where a write intent stands.</summary>
public enum IntentState
{
    /// <summary>Recorded before the API call; not resolved yet.</summary>
    Pending,

    /// <summary>The record was created and joined its cluster.</summary>
    Done,

    /// <summary>The create failed for good.</summary>
    Failed,
}

/// <summary>An insert Tolk is about to make: which cluster it serves, where, with what payload and idempotency key.</summary>
public sealed record NewIntent(long ClusterId, Dataset Dataset, string Role, string Payload, string IdempotencyKey);

/// <summary>A recorded insert intent and how it was resolved.</summary>
public sealed record WriteIntent(
    long Id,
    long ClusterId,
    Dataset Dataset,
    string Role,
    string Payload,
    string PayloadHash,
    string IdempotencyKey,
    IntentState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    string? RecordId,
    string? Error);
