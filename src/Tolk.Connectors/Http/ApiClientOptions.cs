namespace Tolk.Connectors.Http;

/// <summary>How a connector's HTTP client paces, retries and times out: one per system credential.</summary>
public sealed record ApiClientOptions
{
    /// <summary>The system, for messages ("credentials rejected for asana").</summary>
    public required string System { get; init; }

    /// <summary>The API's base URL, with a trailing slash.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Requests allowed per <see cref="PacingWindow"/>, from the API's documented limit (a little under it).</summary>
    public int PacingPermits { get; init; } = 100;

    /// <summary>The window <see cref="PacingPermits"/> applies to.</summary>
    public TimeSpan PacingWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Retries after the first attempt, for 429, 5xx and timeouts.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first backoff when the API gives no Retry-After; doubles with jitter.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest single wait, whatever Retry-After says.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock retries wait on.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
