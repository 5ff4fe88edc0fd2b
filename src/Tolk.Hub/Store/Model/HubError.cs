namespace Tolk.Hub.Store;

/// <summary>
/// A quarantined problem with one record at one stage (<c>collect</c>, <c>process</c>, <c>apply</c>...). While unresolved,
/// the same (dataset, record, stage) is one row whose attempts count up.
/// </summary>
public sealed record HubError(
    long Id,
    Dataset Dataset,
    string RecordId,
    string Stage,
    string? Field,
    string Message,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int Attempts,
    DateTimeOffset? ResolvedAt);
