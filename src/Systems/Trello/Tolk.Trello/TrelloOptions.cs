namespace Tolk.Trello;

/// <summary>
/// Where the Trello connector finds its API, whose credentials it uses and how hard it may use them. Defaults follow
/// Trello's documented limits (<c>spec/systems/trello.md</c>). A class rather than a record, so that no generated
/// ToString prints the key, token or secret.
/// </summary>
public sealed class TrelloOptions
{
    /// <summary>The API's base URL; Trello's own unless a proxy or the emulator stands in.</summary>
    public Uri BaseUrl { get; init; } = new("https://api.trello.com/1/");

    /// <summary>The application's API key. Sent in the OAuth Authorization header, never in a URL; never logged.</summary>
    public required string ApiKey { get; init; }

    /// <summary>The member's token for <see cref="ApiKey"/>. Never logged.</summary>
    public required string ApiToken { get; init; }

    /// <summary>
    /// The application's OAuth secret, which Trello signs webhook deliveries with. Without it the connector registers no
    /// webhooks and refuses every delivery (reads still find every change by polling).
    /// </summary>
    public string? AppSecret { get; init; }

    /// <summary>The card whose comments are the <c>action</c> datatype (flow 12's options); created on the first write if missing.</summary>
    public TrelloCardLocation ActionCard { get; init; } = new();

    /// <summary>Actions per listing page; Trello allows up to 1000, and fewer calls means less of the rate limit spent.</summary>
    public int ActionPageSize { get; init; } = 1000;

    /// <summary>Requests per 10 seconds: a little under Trello's 100 per token (the key's 300 are shared by all its tokens).</summary>
    public int RequestsPer10Seconds { get; init; } = 90;

    /// <summary>Requests in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Retries after the first attempt for 429, 5xx and timeouts.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest the connector waits for a rate-limit window to reset before a request; a longer wait (Trello's
    /// <c>/1/members/</c> limit has a 15-minute window) is reported as rate limited instead, with the time to wait.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far back a create whose answer was lost is looked for, when this process did not send it itself (after a
    /// restart). Trello has no idempotency keys, so the lookup goes by the creation time in the id and the fields.
    /// </summary>
    public TimeSpan RecoveryWindow { get; init; } = TimeSpan.FromHours(24);
}

/// <summary>
/// A card by the names a person sees: board, list and card. Flow 12 writes each project as one comment on it; the
/// board, list and card are created on first use when missing. Names match exactly (ordinal); among several boards,
/// lists or cards of one name, the oldest is used.
/// </summary>
public sealed class TrelloCardLocation
{
    /// <summary>The board's name.</summary>
    public string Board { get; init; } = "Tolk";

    /// <summary>The list's name on that board.</summary>
    public string List { get; init; } = "Projects";

    /// <summary>The card's name in that list.</summary>
    public string Card { get; init; } = "Customerp projects";

    /// <summary>The workspace (id or name) a new board is created in; a personal board when null.</summary>
    public string? Organization { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Board} / {List} / {Card}";
}
