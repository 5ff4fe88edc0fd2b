using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Tolk.Connectors.Webhooks;

namespace Tolk.Connectors.Metering;

/// <summary>
/// Wraps a connector to count what it reads and writes (<see cref="ConnectorMetrics"/>) and to tell listeners about
/// every record a write returned (<see cref="RecordWritten"/>): the server's change feed tells Tolk's own writes from a
/// person's edits by them. Everything else is passed through unchanged.
/// </summary>
public class MeteredConnector : IConnector, IDisposable
{
    private readonly IConnector _inner;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    protected MeteredConnector(IConnector inner) => _inner = inner;

    /// <summary>Raised after a create, update or delete that returned the record (datatype, record as returned).</summary>
    public event Action<string, ConnectorRecord>? RecordWritten;

    /// <summary>The wrapped connector.</summary>
    public IConnector Inner => _inner;

    /// <inheritdoc />
    public string System => _inner.System;

    /// <inheritdoc />
    public IReadOnlyList<DatatypeInfo> Datatypes => _inner.Datatypes;

    /// <summary>Wraps a connector, keeping its webhook side when it has one.</summary>
    public static IConnector Wrap(IConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return connector switch
        {
            MeteredConnector => connector,
            IWebhookConnector => new MeteredWebhookConnector(connector),
            _ => new MeteredConnector(connector),
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ReadBatch> ReadAsync(string datatype, ConnectorCursor cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in _inner.ReadAsync(datatype, cursor, cancellationToken))
        {
            ConnectorMetrics.Read(System, datatype, batch.Records.Count);
            yield return batch;
        }
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> CreateAsync(string datatype, CreateRequest request, CancellationToken cancellationToken) =>
        Observe(datatype, "create", await _inner.CreateAsync(datatype, request, cancellationToken));

    /// <inheritdoc />
    public async Task<WriteOutcome> UpdateAsync(string datatype, string id, JsonObject changes, CancellationToken cancellationToken) =>
        Observe(datatype, "update", await _inner.UpdateAsync(datatype, id, changes, cancellationToken));

    /// <inheritdoc />
    public async Task<WriteOutcome> DeleteAsync(string datatype, string id, CancellationToken cancellationToken) =>
        Observe(datatype, "delete", await _inner.DeleteAsync(datatype, id, cancellationToken));

    /// <inheritdoc />
    public Task<ConnectorRecord?> FindCreatedAsync(string datatype, CreateRequest request, CancellationToken cancellationToken) =>
        _inner.FindCreatedAsync(datatype, request, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the wrapped connector.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            (_inner as IDisposable)?.Dispose();
        }
    }

    private WriteOutcome Observe(string datatype, string operation, WriteOutcome outcome)
    {
        ConnectorMetrics.Written(System, datatype, operation, outcome.Failure);
        if (outcome.Record is { } record)
        {
            RecordWritten?.Invoke(datatype, record);
        }

        return outcome;
    }
}

/// <summary>A <see cref="MeteredConnector"/> over a connector whose system pushes changes.</summary>
public sealed class MeteredWebhookConnector : MeteredConnector, IWebhookConnector
{
    private readonly IWebhookConnector _webhooks;

    internal MeteredWebhookConnector(IConnector inner)
        : base(inner) => _webhooks = (IWebhookConnector)inner;

    /// <inheritdoc />
    public Task<Failure?> RegisterWebhooksAsync(Uri callbackUrl, CancellationToken cancellationToken) =>
        _webhooks.RegisterWebhooksAsync(callbackUrl, cancellationToken);

    /// <inheritdoc />
    public WebhookVerdict Receive(WebhookRequest request) => _webhooks.Receive(request);
}
