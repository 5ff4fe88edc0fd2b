namespace Tolk.Customerp;

/// <summary>
/// Where the Customerp connector finds its API and how hard it may use it. Defaults follow the contract's limits
/// (<c>spec/systems/customerp.md</c>). A class rather than a record, so that no generated ToString prints the token.
/// </summary>
public sealed class CustomerpOptions
{
    /// <summary>The API's base URL, e.g. <c>https://acme.customerp.example/api/v1/</c>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The API token, sent as <c>Authorization: Bearer</c>. Never logged.</summary>
    public required string ApiToken { get; init; }

    /// <summary>
    /// The secret webhook deliveries are signed with. When unset, the connector derives one from the API token, so the
    /// same secret comes back after a restart without being stored anywhere.
    /// </summary>
    public string? WebhookSecret { get; init; }

    /// <summary>Items per list page; the API allows 1 to 500, and fewer calls means less of the rate limit spent.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Requests per minute: a little under the API's default limit of 600 per token.</summary>
    public int RequestsPerMinute { get; init; } = 540;

    /// <summary>Requests in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Retries after the first attempt for 429, 5xx and timeouts.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far before the last seen <c>updated_at</c> an incremental read starts again, so a write that committed late
    /// with an earlier timestamp is not missed; records already seen in the window are dropped.
    /// </summary>
    public TimeSpan OverlapWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How far back a lost create is looked for; the API remembers an Idempotency-Key for 24 hours.</summary>
    public TimeSpan RecoveryWindow { get; init; } = TimeSpan.FromHours(24);
}
