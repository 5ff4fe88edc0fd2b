using System.Text.Json.Nodes;

namespace Tolk.Connectors;

/// <summary>Why a call did not succeed; every one of them is expected in normal operation, so none is an exception.</summary>
public enum FailureKind
{
    /// <summary>The record is not there (404, or deleted meanwhile).</summary>
    NotFound,
    /// <summary>The system refused a value; <see cref="Failure.Field"/> names it.</summary>
    Rejected,
    /// <summary>A concurrent change or a unique key got in the way (409, 412).</summary>
    Conflict,
    /// <summary>Still rate limited after the retries; try again after <see cref="Failure.RetryAfter"/>.</summary>
    RateLimited,
    /// <summary>The system kept failing or was unreachable after the retries.</summary>
    Unavailable,
    /// <summary>The credentials were rejected: nothing more will work for this system until they are fixed.</summary>
    CredentialsRejected,
    /// <summary>The datatype does not support the operation (declared in its capabilities).</summary>
    NotSupported,
}

/// <summary>A failed call: what kind, a message a person can act on, and the field when one is to blame.</summary>
public sealed record Failure(FailureKind Kind, string Message, string? Field = null, TimeSpan? RetryAfter = null);

/// <summary>The result of a create, update or delete: the record as the system now has it, or a failure.</summary>
public sealed record WriteOutcome(ConnectorRecord? Record, Failure? Failure)
{
    /// <summary>Whether the write happened.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>A successful write.</summary>
    public static WriteOutcome Ok(ConnectorRecord record) => new(record, null);

    /// <summary>A failed write.</summary>
    public static WriteOutcome Fail(FailureKind kind, string message, string? field = null, TimeSpan? retryAfter = null) =>
        new(null, new Failure(kind, message, field, retryAfter));
}

/// <summary>What a create must send, and the key that lets a lost response be recovered without a second insert.</summary>
/// <param name="Properties">The fields to create the record with, under the API's own names.</param>
/// <param name="IdempotencyKey">Stable for the intent: the same key on a retry, so the system (or a lookup) finds the first copy.</param>
/// <param name="MatchFields">Merge-key fields (e.g. email, org number) the connector may look the record up by.</param>
public sealed record CreateRequest(JsonObject Properties, string IdempotencyKey, IReadOnlyDictionary<string, string>? MatchFields = null);
