using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Tolk.Emulation.Webhooks;

public sealed partial class WebhookDispatcher
{
    private readonly Queue<WebhookAttempt> _recent = new();
    private readonly Lock _gate = new();

    /// <summary>The latest attempts, newest last (bounded).</summary>
    public IReadOnlyList<WebhookAttempt> Recent
    {
        get { lock (_gate) { return _recent.ToList(); } }
    }

    /// <summary>Forgets the attempt history.</summary>
    public void ClearHistory()
    {
        lock (_gate) { _recent.Clear(); }
    }

    private async Task SendWithRetriesAsync(Queued queued, string? fault)
    {
        var delivery = queued.Delivery;
        var attempt = await SendOnceAsync(delivery, 1, fault);
        if (Done(delivery, attempt) || delivery.Retry.MaxAttempts <= 1)
        {
            Finish(queued, attempt);
            return;
        }
        // Retries wait on the system's backoff without holding up later deliveries, which is how real services
        // come to deliver out of order.
        _ = Task.Run(async () =>
        {
            var last = attempt;
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, queued.Generation);
            for (var n = 2; n <= delivery.Retry.MaxAttempts && !Done(delivery, last); n++)
            {
                try
                {
                    await Task.Delay(delivery.Retry.Backoff(n - 1), _time, cancel.Token);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Decrement(ref _pending);
                    return;
                }
                last = await SendOnceAsync(delivery, n, fault);
            }
            Finish(queued, last);
        });
    }

    private static bool Done(WebhookDelivery delivery, WebhookAttempt attempt) =>
        attempt.Succeeded || (delivery.Retry.StopOnGone && attempt.Status == 410);

    private async Task<WebhookAttempt> SendOnceAsync(WebhookDelivery delivery, int number, string? fault)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in delivery.SignAttempt?.Invoke() ?? delivery.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(delivery.Retry.Timeout);
        WebhookAttempt attempt;
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token);
            attempt = new WebhookAttempt(delivery.Subscription, delivery.Url, number, (int)response.StatusCode, null, _time.GetUtcNow(), fault);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            attempt = new WebhookAttempt(delivery.Subscription, delivery.Url, number, null, e.Message, _time.GetUtcNow(), fault);
            _logger.LogDebug("Webhook delivery to {Url} failed: {Error}", delivery.Url, e.Message);
        }
        Remember(attempt);
        delivery.OnAttempt?.Invoke(attempt);
        return attempt;
    }

    private void Finish(Queued queued, WebhookAttempt last)
    {
        try
        {
            if (!queued.Generation.IsCancellationRequested)
            {
                queued.Delivery.OnFinished?.Invoke(last);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private void Remember(WebhookAttempt attempt)
    {
        lock (_gate)
        {
            _recent.Enqueue(attempt);
            if (_recent.Count > 1000)
            {
                _recent.Dequeue();
            }
        }
    }
}
