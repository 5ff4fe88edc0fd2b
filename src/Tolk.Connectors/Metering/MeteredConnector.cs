using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Tolk.Connectors.Webhooks;

namespace Tolk.Connectors.Metering;

/// <summary>
/// Wraps a connector to count what it reads and writes (<see cref="ConnectorMetrics"/>) and to tell listeners about
/// every record a write returned (<see cref="RecordWritten"/>): the server's change feed tells Tolk's own writes from a
/// person's edits by them. Everything else is passed through unchanged.
/// </summary>
public class MeteredConnector : DelegatingConnector, IDisposable
{
    /// <summary>Wraps <paramref name="inner"/>.</summary>
    protected MeteredConnector(IConnector inner)
        : base(inner)
    {
    }

    /// <summary>Raised after a create, update or delete that returned the record (datatype, record as returned).</summary>
    public event Action<string, ConnectorRecord>? RecordWritten;

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
    public override async IAsyncEnumerable<ReadBatch> ReadAsync(string datatype, ConnectorCursor cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in Inner.ReadAsync(datatype, cursor, cancellationToken))
        {
            ConnectorMetrics.Read(System, datatype, batch.Records.Count);
            yield return batch;
        }
    }

    /// <inheritdoc />
    public override async Task<ReadBatch> ReadRecordsAsync(string datatype, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var batch = await Inner.ReadRecordsAsync(datatype, ids, cancellationToken);
        ConnectorMetrics.Read(System, datatype, batch.Records.Count);
        return batch;
    }

    /// <inheritdoc />
    public override async Task<WriteOutcome> CreateAsync(string datatype, CreateRequest request, CancellationToken cancellationToken) =>
        Observe(datatype, "create", await Inner.CreateAsync(datatype, request, cancellationToken));

    /// <inheritdoc />
    public override async Task<WriteOutcome> UpdateAsync(string datatype, string id, JsonObject changes, CancellationToken cancellationToken) =>
        Observe(datatype, "update", await Inner.UpdateAsync(datatype, id, changes, cancellationToken));

    /// <inheritdoc />
    public override async Task<WriteOutcome> DeleteAsync(string datatype, string id, CancellationToken cancellationToken) =>
        Observe(datatype, "delete", await Inner.DeleteAsync(datatype, id, cancellationToken));

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
            (Inner as IDisposable)?.Dispose();
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
