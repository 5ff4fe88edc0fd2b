namespace Tolk.Hub.Store;

/// <summary>One version of a record in a dataset's log.</summary>
/// <param name="Seq">Store-wide sequence number; later versions have higher numbers.</param>
/// <param name="Dataset">The dataset whose log holds it.</param>
/// <param name="RecordId">The system's id of the record.</param>
/// <param name="Content">The record's content as JSON.</param>
/// <param name="Hash">Lower-case hex SHA-256 of content and deleted flag.</param>
/// <param name="Deleted">Whether the system reported the record deleted.</param>
/// <param name="ModifiedAt">The system's own modification time, when it has one.</param>
/// <param name="ObservedAt">When Tolk saw this version.</param>
public sealed record RecordVersion(
    long Seq,
    Dataset Dataset,
    string RecordId,
    string Content,
    string Hash,
    bool Deleted,
    DateTimeOffset? ModifiedAt,
    DateTimeOffset ObservedAt);
