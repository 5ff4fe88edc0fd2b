using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Connectors.Webhooks;

namespace Tolk.Server.Webhooks;

/// <summary>
/// Registers the server's webhook URL with every system that pushes changes. A system whose registration fails is read
/// every <see cref="ServerOptions.FallbackPollInterval"/> instead, and its registration is tried again every
/// <see cref="ServerOptions.RegistrationRetryInterval"/> until it succeeds.
/// </summary>
internal sealed partial class WebhookRegistrar(ServerContext context) : IAsyncDisposable
{
    private readonly ILogger _logger = context.Loggers.CreateLogger("Tolk.Server.Webhooks");
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;
    private readonly List<Task> _fallbacks = [];
    private readonly Dictionary<string, string?> _status = new(StringComparer.Ordinal);

    /// <summary>Per webhook system: null when its webhooks are registered, else why not.</summary>
    public IReadOnlyDictionary<string, string?> Status
    {
        get
        {
            lock (_status)
            {
                return new Dictionary<string, string?>(_status, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Registers with every webhook system; returns the systems registered.</summary>
    public async Task<IReadOnlySet<string>> RegisterAllAsync(CancellationToken cancellationToken)
    {
        var systems = context.Connectors.Where(c => c.Value is IWebhookConnector).Select(c => c.Key).ToList();
        var results = await Task.WhenAll(systems.Select(async system => (system, failure: await RegisterAsync(system, cancellationToken))));
        foreach (var (system, failure) in results.Where(r => r.failure is not null))
        {
            lock (_fallbacks)
            {
                _fallbacks.Add(FallBackAsync(system, _stop.Token));
            }
        }

        return results.Where(r => r.failure is null).Select(r => r.system).ToHashSet(StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        // The server disposes it first, in order, and its service container again when it goes.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        Task[] running;
        lock (_fallbacks)
        {
            running = [.. _fallbacks];
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task<Failure?> RegisterAsync(string system, CancellationToken cancellationToken)
    {
        var connector = (IWebhookConnector)context.Connectors[system];
        Failure? failure;
        try
        {
            failure = await connector.RegisterWebhooksAsync(context.CallbackUrl(system), cancellationToken);
        }
        catch (HttpRequestException e)
        {
            failure = new Failure(FailureKind.Unavailable, e.Message);
        }

        lock (_status)
        {
            _status[system] = failure?.Message;
        }

        if (failure is null)
        {
            LogRegistered(_logger, system, context.CallbackUrl(system));
        }
        else
        {
            LogFailed(_logger, system, failure.Message, context.Options.FallbackPollInterval.TotalSeconds);
        }

        return failure;
    }

    // Until the system's webhooks are registered, it is read on a short interval so its edits still arrive.
    private async Task FallBackAsync(string system, CancellationToken cancellationToken)
    {
        var nextRegistration = context.Time.GetUtcNow() + context.Options.RegistrationRetryInterval;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(context.Options.FallbackPollInterval, context.Time, cancellationToken);
                context.Runner.TriggerSystem(system);
                if (context.Time.GetUtcNow() >= nextRegistration)
                {
                    if (await RegisterAsync(system, cancellationToken) is null)
                    {
                        return;
                    }

                    nextRegistration = context.Time.GetUtcNow() + context.Options.RegistrationRetryInterval;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{System} delivers its changes to {Callback}")]
    private static partial void LogRegistered(ILogger logger, string system, Uri callback);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{System}: webhooks could not be registered ({Reason}); reading it every {Seconds} s until they can")]
    private static partial void LogFailed(ILogger logger, string system, string reason, double seconds);
}
