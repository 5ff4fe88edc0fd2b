namespace Tolk.Crmoffice;

/// <summary>
/// Where the Crmoffice API is and how to talk to it. Defaults follow the API's documented limits (10 requests per
/// second per client, pages of at most 250, webhook timestamps at most five minutes old).
/// </summary>
public sealed record CrmofficeOptions
{
    /// <summary>The real service's base URL.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.crmoffice.no/");

    /// <summary>The API's base URL (configurable so tests and other tenants can point elsewhere).</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>The OAuth2 client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>The OAuth2 client secret; never logged.</summary>
    public required string ClientSecret { get; init; }

    /// <summary>Requests per second the client allows itself: a little under the API's 10.</summary>
    public int RequestsPerSecond { get; init; } = 8;

    /// <summary>Records per list page (the API allows 1..250).</summary>
    public int PageSize { get; init; } = 250;

    /// <summary>
    /// How far before the last seen <c>updatedAt</c> an incremental read starts again: timestamps have whole seconds
    /// and <c>updatedAfter</c> is strict, so a change in the same second as the last one read would otherwise be missed.
    /// </summary>
    public TimeSpan OverlapWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Records each list page re-reads from the previous one, so a record moving while paging is not skipped.</summary>
    public int PageOverlap { get; init; } = 2;

    /// <summary>Retries after the first attempt for 429, 5xx and timeouts.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first backoff when the API sends no Retry-After.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The webhook signing secret. When null it is derived from the client secret and the callback URL (HMAC), so it
    /// survives restarts without being stored anywhere; set it to pin one explicitly.
    /// </summary>
    public string? WebhookSecret { get; init; }

    /// <summary>How old a webhook's signed timestamp may be before it is refused as a replay (the spec's five minutes).</summary>
    public TimeSpan WebhookTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How far back a lost create is looked for among the newest records.</summary>
    public TimeSpan RecentCreationWindow { get; init; } = TimeSpan.FromMinutes(10);
}
