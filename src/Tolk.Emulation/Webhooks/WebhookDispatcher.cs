using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Tolk.Emulation.Faults;

namespace Tolk.Emulation.Webhooks;

/// <summary>
/// Sends an emulator's webhook deliveries in the background, in order, with the system's retry behaviour and the
/// webhook faults set through the admin channel (dropped, duplicated and reordered deliveries).
/// </summary>
public sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly Channel<WebhookDelivery> _queue = Channel.CreateUnbounded<WebhookDelivery>(new() { SingleReader = true });
    private readonly HttpClient _http;
    private readonly FaultInjector _faults;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Queue<WebhookAttempt> _recent = new();
    private readonly Lock _gate = new();
    private readonly Task _worker;
    private WebhookDelivery? _held;
    private int _pending;

    /// <summary>Starts the dispatcher's worker.</summary>
    public WebhookDispatcher(HttpClient http, FaultInjector faults, TimeProvider time, ILogger logger)
    {
        _http = http;
        _faults = faults;
        _time = time;
        _logger = logger;
        _worker = Task.Run(RunAsync);
    }

    /// <summary>The HTTP client deliveries go out on; emulators use it for handshakes too.</summary>
    public HttpClient Http => _http;

    /// <summary>Deliveries queued or being retried.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>The latest attempts, newest last (bounded).</summary>
    public IReadOnlyList<WebhookAttempt> Recent
    {
        get { lock (_gate) { return _recent.ToList(); } }
    }

    /// <summary>Queues a delivery.</summary>
    public void Enqueue(WebhookDelivery delivery)
    {
        Interlocked.Increment(ref _pending);
        _queue.Writer.TryWrite(delivery);
    }

    /// <summary>Waits until nothing is queued or being retried, or the timeout passes; true when idle.</summary>
    public async Task<bool> WaitIdleAsync(TimeSpan timeout)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (Pending > 0 && System.Diagnostics.Stopwatch.GetElapsedTime(started) < timeout)
        {
            await Task.Delay(10);
        }
        return Pending == 0;
    }

    /// <summary>Forgets the attempt history.</summary>
    public void ClearHistory()
    {
        lock (_gate) { _recent.Clear(); }
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(_stop.Token))
            {
                await DispatchAsync(delivery);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task DispatchAsync(WebhookDelivery delivery)
    {
        var fault = _faults.Next(FaultTargets.Webhook, "POST", delivery.Url.AbsolutePath);
        switch (fault?.Action)
        {
            case FaultActions.Drop:
                Remember(new WebhookAttempt(delivery.Subscription, delivery.Url, 0, null, "dropped by fault", _time.GetUtcNow(), fault.Id));
                Interlocked.Decrement(ref _pending);
                return;
            case FaultActions.Reorder when _held is null:
                _held = delivery;
                return;
            case FaultActions.Delay:
                await Task.Delay(TimeSpan.FromMilliseconds(fault.DelayMs!.Value), _time);
                break;
        }
        await SendWithRetriesAsync(delivery, fault?.Id);
        if (fault?.Action == FaultActions.Duplicate)
        {
            Interlocked.Increment(ref _pending);
            await SendWithRetriesAsync(delivery, fault.Id);
        }
        if (_held is { } held && !ReferenceEquals(held, delivery))
        {
            _held = null;
            await SendWithRetriesAsync(held, "reordered");
        }
    }

    private async Task SendWithRetriesAsync(WebhookDelivery delivery, string? fault)
    {
        var attempt = await SendOnceAsync(delivery, 1, fault);
        if (attempt.Succeeded || delivery.Retry.MaxAttempts <= 1 || attempt.Status == 410)
        {
            Finish(delivery, attempt);
            return;
        }
        // Retries wait on the system's backoff without holding up later deliveries, which is how real services
        // come to deliver out of order.
        _ = Task.Run(async () =>
        {
            var last = attempt;
            for (var n = 2; n <= delivery.Retry.MaxAttempts && !last.Succeeded && last.Status != 410; n++)
            {
                try
                {
                    await Task.Delay(delivery.Retry.Backoff(n - 1), _time, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                last = await SendOnceAsync(delivery, n, fault);
            }
            Finish(delivery, last);
        });
    }

    private async Task<WebhookAttempt> SendOnceAsync(WebhookDelivery delivery, int number, string? fault)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in delivery.Headers)
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
        return attempt;
    }

    private void Finish(WebhookDelivery delivery, WebhookAttempt last)
    {
        try
        {
            delivery.OnFinished?.Invoke(last);
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

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _worker;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
