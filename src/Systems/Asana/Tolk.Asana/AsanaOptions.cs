namespace Tolk.Asana;

/// <summary>
/// How the Asana connector reaches the API: base URL and personal access token from configuration, and tunables whose
/// defaults come from Asana's documented limits.
/// </summary>
public sealed record AsanaOptions
{
    /// <summary>Asana's production API.</summary>
    public static Uri DefaultBaseUrl { get; } = new("https://app.asana.com/api/1.0/");

    /// <summary>The API's base URL (the production API unless configured otherwise).</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>The personal access token; a secret, so it is never logged and <see cref="ToString"/> leaves it out.</summary>
    public required string PersonalAccessToken { get; init; }

    /// <summary>Asana's per-token limit: 150 requests a minute on free domains (1,500 on paid ones); every batch action counts.</summary>
    public int RequestsPerMinute { get; init; } = 150;

    /// <summary>The share of <see cref="RequestsPerMinute"/> the connector paces itself to, a little under the limit.</summary>
    public double PacingShare { get; init; } = 0.9;

    /// <summary>Requests in flight at once; a batch holds up to ten of Asana's 50 concurrent reads, so four is safe.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Records per page: Asana's maximum <c>limit</c> is 100.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Actions per <c>POST /batch</c>: Asana allows 1 to 10.</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>How often an incremental read becomes a full read anyway, because Asana delivers events at most once.</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Retries after the first attempt for 429, 5xx and timeouts (the shared retry handler's).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How far back (clock skew included) a create whose response was lost looks for the record it made.</summary>
    public TimeSpan LostCreateWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The webhook secret store (webhook gid → secret), read on every delivery, so secrets saved before a restart verify.</summary>
    public IReadOnlyDictionary<string, string> WebhookSecrets { get; init; } = new Dictionary<string, string>();

    /// <summary>Persists a new webhook's secret (webhook gid, secret) in the caller's secret store; called once per registration.</summary>
    public Func<string, string, CancellationToken, Task>? SaveWebhookSecret { get; init; }

    /// <summary>The options without their secrets, safe for logs.</summary>
    public override string ToString() =>
        $"AsanaOptions {{ BaseUrl = {BaseUrl}, RequestsPerMinute = {RequestsPerMinute}, ReconcileInterval = {ReconcileInterval}, PersonalAccessToken = *** }}";
}
