using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Tolk.Emulation.Faults;

namespace Tolk.Emulation.Webhooks;

/// <summary>
/// Sends an emulator's webhook deliveries in the background, in order, with the system's retry behaviour and the
/// webhook faults set through the admin channel (dropped, duplicated and reordered deliveries).
/// </summary>
public sealed partial class WebhookDispatcher : IAsyncDisposable
{
    private readonly Channel<Queued> _queue = Channel.CreateUnbounded<Queued>(new() { SingleReader = true });
    private readonly HttpClient _http;
    private readonly FaultInjector _faults;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;
    private CancellationTokenSource _generation = new();
    private Queued? _held;
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

    /// <summary>Queues a delivery.</summary>
    public void Enqueue(WebhookDelivery delivery)
    {
        Interlocked.Increment(ref _pending);
        _queue.Writer.TryWrite(new Queued(delivery, Volatile.Read(ref _generation).Token));
    }

    /// <summary>
    /// Abandons every queued delivery and every retry still waiting (an admin reset): nothing sent for the old state
    /// may reach, or change, a registration made after it.
    /// </summary>
    public void CancelPending()
    {
        var old = Interlocked.Exchange(ref _generation, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }

    /// <summary>Waits until nothing is queued or being retried, or the timeout passes; true when idle.</summary>
    public async Task<bool> WaitIdleAsync(TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (Pending > 0 && Stopwatch.GetElapsedTime(started) < timeout)
        {
            await Task.Delay(10);
        }
        return Pending == 0;
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var queued in _queue.Reader.ReadAllAsync(_stop.Token))
            {
                await DispatchAsync(queued);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task DispatchAsync(Queued queued)
    {
        if (queued.Generation.IsCancellationRequested)
        {
            Interlocked.Decrement(ref _pending);
            return;
        }
        var delivery = queued.Delivery;
        var fault = _faults.Next(FaultTargets.Webhook, "POST", delivery.Url.AbsolutePath);
        switch (fault?.Action)
        {
            case FaultActions.Drop:
                Remember(new WebhookAttempt(delivery.Subscription, delivery.Url, 0, null, "dropped by fault", _time.GetUtcNow(), fault.Id));
                Interlocked.Decrement(ref _pending);
                return;
            case FaultActions.Reorder when _held is null:
                _held = queued;
                return;
            case FaultActions.Delay:
                await Task.Delay(TimeSpan.FromMilliseconds(fault.DelayMs!.Value), _time);
                break;
        }
        await SendWithRetriesAsync(queued, fault?.Id);
        if (fault?.Action == FaultActions.Duplicate)
        {
            Interlocked.Increment(ref _pending);
            await SendWithRetriesAsync(queued, fault.Id);
        }
        if (_held is { } held && !ReferenceEquals(held, queued))
        {
            _held = null;
            await SendWithRetriesAsync(held, "reordered");
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
        _generation.Dispose();
    }

    private sealed record Queued(WebhookDelivery Delivery, CancellationToken Generation);
}
