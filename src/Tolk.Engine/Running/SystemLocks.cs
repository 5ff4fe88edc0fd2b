using System.Collections.Concurrent;

namespace Tolk.Engine.Running;

/// <summary>
/// One lock per system, held while Tolk reads from it (a collection) and around each write to it together with the
/// write's record in the hub. A read never overlaps a write to the same system, so a page read just before a write can
/// never reach the log after the write's answer and bring back the value it replaced. Reads of one system and writes to
/// another go on side by side.
/// </summary>
public sealed class SystemLocks : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Waits for <paramref name="system"/>'s lock; dispose the result to release it.</summary>
    public async Task<IDisposable> EnterAsync(string system, CancellationToken cancellationToken)
    {
        var semaphore = _locks.GetOrAdd(system, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken);
        return new Releaser(semaphore);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var semaphore in _locks.Values)
        {
            semaphore.Dispose();
        }
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
