using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Bench.Emulators;

/// <summary>The load of a system Tolk has a connector for: the connector's own full reads and updates, as a sync would run them.</summary>
internal sealed class ConnectorLoad(IConnector connector, string writeDatatype, string editCollection, string idField, string editField)
    : SystemLoad(connector.System, editCollection, idField, editField)
{
    public override async Task<int> ReadAllAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var datatype in connector.Datatypes)
        {
            await foreach (var batch in connector.ReadAsync(datatype.Name, ConnectorCursor.None, cancellationToken))
            {
                count += batch.Records.Count;
                if (batch.Stopped is { } failure)
                {
                    throw new InvalidOperationException($"{System} {datatype.Name}: the full read stopped: {failure.Kind} {failure.Message}");
                }
            }
        }
        return count;
    }

    public override async Task UpdateAsync(string id, string text, CancellationToken cancellationToken)
    {
        var outcome = await connector.UpdateAsync(writeDatatype, id, new JsonObject { [EditField] = text }, cancellationToken);
        if (outcome.Failure is { } failure)
        {
            throw new InvalidOperationException($"{System} {writeDatatype} {id}: update failed: {failure.Kind} {failure.Message}");
        }
    }

    public override void Dispose()
    {
        (connector as IDisposable)?.Dispose();
        base.Dispose();
    }
}
