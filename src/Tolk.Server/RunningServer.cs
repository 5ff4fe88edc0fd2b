using Microsoft.AspNetCore.Builder;
using Tolk.Server.Feed;
using Tolk.Server.Webhooks;

namespace Tolk.Server;

/// <summary>A started server: where it listens, the token (first start only), and the webhook registrations under way.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ChangeFeed _feed;
    private readonly WebhookRegistrar _registrar;

    internal RunningServer(WebApplication app, Uri url, string? newToken, ChangeFeed feed, WebhookRegistrar registrar, Task<IReadOnlySet<string>> webhooks)
    {
        _app = app;
        _feed = feed;
        _registrar = registrar;
        Url = url;
        NewToken = newToken;
        Webhooks = webhooks;
    }

    /// <summary>The server's URL (the dashboard is at its root).</summary>
    public Uri Url { get; }

    /// <summary>
    /// The access token when this start made it (first start, or <see cref="ServerOptions.NewToken"/>): show it once.
    /// Null when the stored token stays valid; the store keeps only its hash.
    /// </summary>
    public string? NewToken { get; }

    /// <summary>The dashboard's address with the new token in its fragment (never sent to the server or logged), or null.</summary>
    public Uri? LoginUrl => NewToken is null ? null : new Uri(Url, "#token=" + NewToken);

    /// <summary>Completes when the webhook registrations are done, with the systems whose webhooks are registered.</summary>
    public Task<IReadOnlySet<string>> Webhooks { get; }

    /// <summary>Stops listening and stops the change feed and the fallback polling.</summary>
    public async ValueTask DisposeAsync()
    {
        await ((Task)Webhooks).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _registrar.DisposeAsync();
        await _app.StopAsync();
        await _feed.DisposeAsync();
        await _app.DisposeAsync();
    }
}
