using System.Text.Json.Nodes;

namespace Tolk.Connectors;

/// <summary>
/// The only code that knows a system's API. Reads normalise records into <see cref="ConnectorRecord"/>; writes take
/// fields under the API's own names. Expected failures come back as values; exceptions mean bugs.
/// </summary>
public interface IConnector
{
    /// <summary>Lower-case system name, as the configuration names it.</summary>
    string System { get; }

    /// <summary>The datatypes this connector serves and what each can do.</summary>
    IReadOnlyList<DatatypeInfo> Datatypes { get; }

    /// <summary>
    /// Reads <paramref name="datatype"/> from <paramref name="cursor"/> (<see cref="ConnectorCursor.None"/>: a full read),
    /// page by page. A connector whose change mechanism expired (412, 410) starts a full read by itself.
    /// </summary>
    IAsyncEnumerable<ReadBatch> ReadAsync(string datatype, ConnectorCursor cursor, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the current state of the named records (what a webhook delivery names), a record that is gone coming back
    /// deleted. The batch's cursor is <see cref="ConnectorCursor.None"/>: a direct read never moves the change feed,
    /// which reads these records again later (unchanged, so nothing is appended). Connectors that declare
    /// <see cref="Capabilities.ReadById"/> implement it; the default answers <see cref="FailureKind.NotSupported"/>.
    /// </summary>
    Task<ReadBatch> ReadRecordsAsync(string datatype, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult(ReadBatch.Failed(new Failure(FailureKind.NotSupported, $"{System} cannot read {datatype} records by id"), ConnectorCursor.None));

    /// <summary>Creates a record, recovering a lost response through <see cref="CreateRequest.IdempotencyKey"/> or its match fields.</summary>
    Task<WriteOutcome> CreateAsync(string datatype, CreateRequest request, CancellationToken cancellationToken);

    /// <summary>Updates the fields in <paramref name="changes"/> (and, where the API needs a full record, keeps the rest as read).</summary>
    Task<WriteOutcome> UpdateAsync(string datatype, string id, JsonObject changes, CancellationToken cancellationToken);

    /// <summary>Deletes, or archives or deactivates where the API cannot delete (see the datatype's capabilities).</summary>
    Task<WriteOutcome> DeleteAsync(string datatype, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Finds a record this connector created for <paramref name="request"/> whose response was lost; null when there is
    /// none, so the caller may create it again.
    /// </summary>
    Task<ConnectorRecord?> FindCreatedAsync(string datatype, CreateRequest request, CancellationToken cancellationToken);
}
