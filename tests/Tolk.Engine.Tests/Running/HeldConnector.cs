using System.Runtime.CompilerServices;
using Tolk.Connectors;

namespace Tolk.Engine.Tests.Running;

/// <summary>A real connector whose change-feed reads can be held, as a slow or rate-limited API would hold them.</summary>
internal sealed class HeldConnector(IConnector inner) : DelegatingConnector(inner)
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _release = Released();
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a read is waiting at the hold.</summary>
    public Task Entered
    {
        get
        {
            lock (_lock)
            {
                return _entered.Task;
            }
        }
    }

    /// <summary>Holds every read from now on until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_lock)
        {
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets held and later reads go on.</summary>
    public void Release()
    {
        lock (_lock)
        {
            _release.TrySetResult();
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ReadBatch> ReadAsync(string datatype, ConnectorCursor cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Task release;
        lock (_lock)
        {
            _entered.TrySetResult();
            release = _release.Task;
        }

        await release.WaitAsync(cancellationToken);
        await foreach (var batch in Inner.ReadAsync(datatype, cursor, cancellationToken))
        {
            yield return batch;
        }
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }
}
