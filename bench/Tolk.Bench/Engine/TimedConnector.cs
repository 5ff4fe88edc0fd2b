using System.Diagnostics;
using System.Runtime.CompilerServices;
using Tolk.Connectors;

namespace Tolk.Bench.Engine;

/// <summary>A connector that adds up the time its reads spend inside the connector (the API and its parsing), per datatype.</summary>
internal sealed class TimedConnector(IConnector inner) : DelegatingConnector(inner)
{
    private readonly Dictionary<string, TimeSpan> _reading = new(StringComparer.Ordinal);

    /// <summary>The time spent reading each datatype since the last <see cref="Reset"/>.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Reading
    {
        get { lock (_reading) { return new Dictionary<string, TimeSpan>(_reading, StringComparer.Ordinal); } }
    }

    public void Reset()
    {
        lock (_reading)
        {
            _reading.Clear();
        }
    }

    public override async IAsyncEnumerable<ReadBatch> ReadAsync(string datatype, ConnectorCursor cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var pages = Inner.ReadAsync(datatype, cursor, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            var clock = Stopwatch.StartNew();
            var more = await pages.MoveNextAsync();
            lock (_reading)
            {
                _reading[datatype] = _reading.GetValueOrDefault(datatype) + clock.Elapsed;
            }

            if (!more)
            {
                yield break;
            }

            yield return pages.Current;
        }
    }
}
