namespace Tolk.Connectors.Http;

/// <summary>Builds a connector's HttpClient: credentials guard, then retries, then pacing, then metering, then the network.</summary>
public static class ApiHttp
{
    /// <summary>
    /// Creates the client for one system credential. <paramref name="network"/> is the innermost handler (a
    /// SocketsHttpHandler by default; a connector may insert its own handlers, such as Trello's header-driven pacing).
    /// </summary>
    public static HttpClient Create(ApiClientOptions options, CredentialGuard guard, HttpMessageHandler? network = null)
    {
        // Order matters: a request rejected for bad credentials never waits for a rate-limit permit, and every retry
        // takes a fresh permit, because rejected requests count against the real limits too.
        var handler = new CredentialHandler(options, guard)
        {
            InnerHandler = new RetryHandler(options)
            {
                InnerHandler = new PacingHandler(options)
                {
                    InnerHandler = new MeteringHandler(options.System)
                    {
                        InnerHandler = network ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
                    },
                },
            },
        };
        return new HttpClient(handler) { BaseAddress = options.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
    }
}
