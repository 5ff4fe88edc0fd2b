using System.Threading.RateLimiting;

namespace Tolk.Connectors.Http;

/// <summary>
/// Paces requests under the API's documented limit before they leave, so 429s are the exception: a sliding window of
/// permits per credential plus a cap on requests in flight (System.Threading.RateLimiting).
/// </summary>
internal sealed class PacingHandler : DelegatingHandler
{
    private readonly RateLimiter _window;
    private readonly RateLimiter _concurrency;

    public PacingHandler(ApiClientOptions options)
    {
        _window = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.PacingPermits,
            Window = options.PacingWindow,
            SegmentsPerWindow = 10,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        _concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrency,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var slot = await _concurrency.AcquireAsync(1, cancellationToken);
        using var permit = await _window.AcquireAsync(1, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _window.Dispose();
            _concurrency.Dispose();
        }
        base.Dispose(disposing);
    }
}
