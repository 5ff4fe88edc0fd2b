using System.Diagnostics;
using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Engine.KillHarness;

/// <summary>
/// A real connector that kills the process right after its <c>n</c>th successful create: the record exists in the
/// target system, but the engine never hears of it, as after a power cut between the API call and the bookkeeping.
/// </summary>
internal sealed class KillingConnector(IConnector inner, int n) : DelegatingConnector(inner)
{
    private int _created;

    public override async Task<WriteOutcome> CreateAsync(string datatype, CreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await Inner.CreateAsync(datatype, request, cancellationToken);
        if (outcome.Record is { } record && Interlocked.Increment(ref _created) == n)
        {
            var killed = new KilledCreate(System, datatype, record.Id, request.IdempotencyKey, (JsonObject)request.Properties.DeepClone(),
                request.MatchFields ?? new Dictionary<string, string>());
            Console.Out.WriteLine(killed.ToLine());
            Console.Out.Flush();
            // SIGKILL: no finally block, no disposal, no flush of anything else, as the operating system ends a process.
            Process.GetCurrentProcess().Kill();
            Thread.Sleep(Timeout.Infinite);
        }

        return outcome;
    }
}
