using System.Threading.RateLimiting;

namespace Tolk.Asana.Internal;

/// <summary>
/// Paces by Asana's cost rather than by HTTP request: every action of a <c>POST /batch</c> counts against the per-minute
/// limit, which the shared pacing (one permit per request) cannot see. Sits innermost, so each retry pays again.
/// </summary>
internal sealed class ActionPacingHandler : DelegatingHandler
{
    /// <summary>How many of Asana's requests an HTTP request stands for (the actions of a batch).</summary>
    public static readonly HttpRequestOptionsKey<int> Cost = new("asana.cost");

    private readonly SlidingWindowRateLimiter _window;
    private readonly int _limit;

    public ActionPacingHandler(int permitsPerMinute, HttpMessageHandler inner) : base(inner)
    {
        _limit = permitsPerMinute;
        _window = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 12,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A batch can never cost more than the whole window, or it would wait forever.
        var cost = request.Options.TryGetValue(Cost, out var c) ? Math.Clamp(c, 1, _limit) : 1;
        using var permit = await _window.AcquireAsync(cost, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _window.Dispose();
        }
        base.Dispose(disposing);
    }
}
