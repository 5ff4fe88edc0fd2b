namespace Tolk.Custompms;

/// <summary>
/// Where the Custompms connector finds its API and how hard it may use it. Defaults follow the contract
/// (<c>spec/systems/custompms.md</c>). A class rather than a record, so that no generated ToString prints the API key.
/// </summary>
public sealed class CustompmsOptions
{
    /// <summary>The API's base URL, e.g. <c>https://custompms.example/api</c>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The API key, sent as <c>X-Api-Key</c>. Never logged.</summary>
    public required string ApiKey { get; init; }

    /// <summary>Records per list page (<c>perPage</c>); the API allows 1 to 200, and fewer calls spend less of the limit.</summary>
    public int PageSize { get; init; } = 200;

    /// <summary>Change-log entries per call (<c>limit</c>); the API allows 1 to 1000.</summary>
    public int ChangeLimit { get; init; } = 1000;

    /// <summary>Requests per <see cref="PacingWindow"/>: under the contract's 5 per second per key.</summary>
    public int PacingPermits { get; init; } = 4;

    /// <summary>
    /// The window <see cref="PacingPermits"/> applies to. Longer than the API's second because the shared pacer's sliding
    /// window frees permits a segment early: 4 per 1.25 s never puts more than 4 into any fixed second.
    /// </summary>
    public TimeSpan PacingWindow { get; init; } = TimeSpan.FromSeconds(1.25);

    /// <summary>Requests in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 2;

    /// <summary>Retries after the first attempt for 429, 5xx and timeouts.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far before a change-log entry's <c>at</c> the changed records are listed (<c>modifiedSince</c>), so a record
    /// whose <c>modifiedAt</c> the server stamped a little before its log entry is still found.
    /// </summary>
    public TimeSpan ChangeOverlap { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How far back a lost create is looked for; the API remembers an <c>Idempotency-Key</c> for 24 hours.</summary>
    public TimeSpan RecoveryWindow { get; init; } = TimeSpan.FromHours(24);
}
