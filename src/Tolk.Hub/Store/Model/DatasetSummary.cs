namespace Tolk.Hub.Store;

/// <summary>What the hub holds of one dataset: its records (deleted ones included), versions and latest sequence number.</summary>
public sealed record DatasetSummary(Dataset Dataset, long Records, long Deleted, long Versions, long LastSeq);
