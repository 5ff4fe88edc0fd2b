using System.Text.Json.Nodes;

namespace Tolk.Connectors;

/// <summary>
/// One record as a connector read it: its id, its properties under the API's own field names (nothing dropped;
/// references as the referenced record's id), the system's modification time if it has one, and whether it is deleted.
/// </summary>
public sealed record ConnectorRecord(string Id, JsonObject Properties, DateTimeOffset? ModifiedAt = null, bool Deleted = false)
{
    /// <summary>The record as the hub stores it (content in canonical form, so equal records hash alike).</summary>
    public Hub.HubRecord ToHubRecord() => Hub.HubRecord.FromProperties(Id, Properties, ModifiedAt, Deleted);
}

/// <summary>A record the connector could not read, named by id (when known) and field, with the reason.</summary>
public sealed record ReadProblem(string? RecordId, string? Field, string Message);

/// <summary>
/// A page of a read: the records, the problems met on the way (bad records do not stop a read), and the cursor that
/// covers everything up to and including this page; the caller saves it in the same transaction as the records.
/// A batch with a <see cref="Stopped"/> failure is the last one: the read could not go on (credentials rejected, the
/// system unavailable after retries), and its cursor is the last good position.
/// </summary>
public sealed record ReadBatch(IReadOnlyList<ConnectorRecord> Records, IReadOnlyList<ReadProblem> Problems, ConnectorCursor Cursor,
    Failure? Stopped = null)
{
    /// <summary>A batch that ends a read with <paramref name="failure"/>, keeping <paramref name="cursor"/>.</summary>
    public static ReadBatch Failed(Failure failure, ConnectorCursor cursor) => new([], [], cursor, failure);
}

/// <summary>
/// A connector's position in one datatype's change stream: an opaque JSON value (the store keeps cursors as JSON) the
/// connector alone understands, and
/// the format it was written in, so a newer connector can still read an older cursor (or decide to start over).
/// </summary>
public sealed record ConnectorCursor(string Value, int Format = 1)
{
    /// <summary>No position: the next read is a full read.</summary>
    public static ConnectorCursor None { get; } = new("", 0);

    /// <summary>Whether this is <see cref="None"/>.</summary>
    public bool IsNone => Format == 0;
}
