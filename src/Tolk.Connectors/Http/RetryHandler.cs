using System.Net;
using Polly;
using Polly.Retry;

namespace Tolk.Connectors.Http;

/// <summary>
/// Retries 429, 5xx and timeouts with backoff that honours Retry-After (Polly). A write that may already have been
/// applied is never repeated blindly: a POST is retried only when the API refused it outright (429), unless it carries
/// an Idempotency-Key, which makes a repeat safe. Otherwise the caller's lost-response recovery takes over.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<bool> Replayable = new("tolk.replayable");
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public RetryHandler(ApiClientOptions options)
    {
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.Time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseBackoff,
                MaxDelay = options.MaxBackoff,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Context, args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } r && RetryAfter.From(r, options.Time.GetUtcNow()) is { } wait
                        ? (TimeSpan?)(wait > options.MaxBackoff ? options.MaxBackoff : wait)
                        : null),
                OnRetry = args =>
                {
                    Metering.ConnectorMetrics.Retry(options.System);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(new ResiliencePropertyKey<bool>(Replayable.Key), IsReplayable(request));
        try
        {
            return await _pipeline.ExecuteAsync(
                async (ctx, state) => await state.Handler.BaseSend(state.Request, ctx.CancellationToken),
                context, (Handler: this, Request: request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> BaseSend(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        var replayable = context.Properties.GetValue(new ResiliencePropertyKey<bool>(Replayable.Key), false);
        if (outcome.Result is { } response)
        {
            return response.StatusCode == HttpStatusCode.TooManyRequests || (replayable && RetryAfter.IsTransient(response.StatusCode));
        }
        return replayable && outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
    }

    private static bool IsReplayable(HttpRequestMessage request) =>
        request.Method != HttpMethod.Post || request.Headers.Contains("Idempotency-Key");
}
