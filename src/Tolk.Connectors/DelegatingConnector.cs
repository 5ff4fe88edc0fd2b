using System.Text.Json.Nodes;

namespace Tolk.Connectors;

/// <summary>
/// A connector that passes everything to the one it wraps; derive from it to observe or change one operation (metrics,
/// a test's fault or pause) and leave the rest as the wrapped connector does it.
/// </summary>
public abstract class DelegatingConnector(IConnector inner) : IConnector
{
    /// <summary>The wrapped connector.</summary>
    public IConnector Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public string System => Inner.System;

    /// <inheritdoc />
    public IReadOnlyList<DatatypeInfo> Datatypes => Inner.Datatypes;

    /// <inheritdoc />
    public virtual IAsyncEnumerable<ReadBatch> ReadAsync(string datatype, ConnectorCursor cursor, CancellationToken cancellationToken) =>
        Inner.ReadAsync(datatype, cursor, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ReadBatch> ReadRecordsAsync(string datatype, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        Inner.ReadRecordsAsync(datatype, ids, cancellationToken);

    /// <inheritdoc />
    public virtual Task<WriteOutcome> CreateAsync(string datatype, CreateRequest request, CancellationToken cancellationToken) =>
        Inner.CreateAsync(datatype, request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<WriteOutcome> UpdateAsync(string datatype, string id, JsonObject changes, CancellationToken cancellationToken) =>
        Inner.UpdateAsync(datatype, id, changes, cancellationToken);

    /// <inheritdoc />
    public virtual Task<WriteOutcome> DeleteAsync(string datatype, string id, CancellationToken cancellationToken) =>
        Inner.DeleteAsync(datatype, id, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ConnectorRecord?> FindCreatedAsync(string datatype, CreateRequest request, CancellationToken cancellationToken) =>
        Inner.FindCreatedAsync(datatype, request, cancellationToken);
}
