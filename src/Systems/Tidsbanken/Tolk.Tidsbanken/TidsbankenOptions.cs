namespace Tolk.Tidsbanken;

/// <summary>
/// Where and how the Tidsbanken connector talks to the API v3. The defaults follow what is known of the API (see the
/// spec); the rate limit is not documented, so the pacing sits a little under the assumed gateway policy of 5 per second.
/// </summary>
public sealed record TidsbankenOptions
{
    /// <summary>The API's base URL, with a trailing slash.</summary>
    public Uri BaseUrl { get; init; } = new("https://api.tidsbanken.net/");

    /// <summary>The customer database's key, sent as <c>tb-key</c>. A secret: never logged.</summary>
    public required string TbKey { get; init; }

    /// <summary>The API gateway subscription key, sent as <c>Ocp-Apim-Subscription-Key</c>. A secret: never logged.</summary>
    public required string SubscriptionKey { get; init; }

    /// <summary>Records asked for per page (<c>$top</c>); the API refuses more than 1000 (assumed).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Requests per <see cref="PacingWindow"/>: a little under the assumed gateway limit of 5 per second.</summary>
    public int PacingPermits { get; init; } = 4;

    /// <summary>
    /// The window <see cref="PacingPermits"/> applies to. Longer than the gateway's second because the shared pacer's
    /// sliding window frees permits a segment early: 4 per 1.25 s never puts more than 4 into any fixed second.
    /// </summary>
    public TimeSpan PacingWindow { get; init; } = TimeSpan.FromSeconds(1.25);

    /// <summary>Retries after the first attempt for 429, 5xx and timeouts (the shared retry handler).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>
    /// How far before the last seen <c>SistEndretDato</c> an incremental read starts again: the one-hour time-zone skew
    /// of Kunde and Prosjekt plus a margin for late commits. Records re-read inside it are dropped unless they changed.
    /// </summary>
    public TimeSpan ChangeOverlap { get; init; } = TimeSpan.FromMinutes(65);

    /// <summary>
    /// Added to the reported <c>SistEndretDato</c> of Kunde and Prosjekt to get the true modification time (the public
    /// connector's "IS-17110" correction: the API reports them one hour early). Zero where the service is fixed.
    /// </summary>
    public TimeSpan ModifiedTimeCorrection { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often an incremental read of Kunde lists every Id to find deleted customers, which the change filter cannot
    /// show (a deleted row has no <c>SistEndretDato</c>). One call per 1000 customers each time.
    /// </summary>
    public TimeSpan DeleteSweepInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Describes the options without their secrets.</summary>
    public override string ToString() => $"tidsbanken at {BaseUrl} (page {PageSize}, {PacingPermits}/{PacingWindow.TotalSeconds}s)";
}
