namespace Tolk.Connectors.Webhooks;

/// <summary>An incoming webhook request, as received: the URL it was registered with, headers and the raw body.</summary>
public sealed record WebhookRequest(string Method, Uri CallbackUrl, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>A change a delivery names. Deliveries are hints: the engine reads what they name, so duplicates and reordering are harmless.</summary>
public sealed record ChangeHint(string Datatype, string? RecordId);

/// <summary>What to answer a webhook request, and what it told us.</summary>
/// <param name="Status">The HTTP status to answer with (401 for a bad signature).</param>
/// <param name="ResponseHeaders">Headers the handshake needs echoed (Asana's X-Hook-Secret).</param>
/// <param name="Hints">The changes the delivery names; empty for handshakes, heartbeats and rejections.</param>
/// <param name="Rejection">Why it was refused, for the log; null when accepted.</param>
public sealed record WebhookVerdict(int Status, IReadOnlyDictionary<string, string> ResponseHeaders, IReadOnlyList<ChangeHint> Hints, string? Rejection)
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    /// <summary>An accepted delivery naming <paramref name="hints"/>.</summary>
    public static WebhookVerdict Accept(IReadOnlyList<ChangeHint> hints) => new(200, NoHeaders, hints, null);

    /// <summary>A refused delivery (bad or missing signature, stale timestamp, malformed body).</summary>
    public static WebhookVerdict Reject(string reason, int status = 401) => new(status, NoHeaders, [], reason);
}

/// <summary>A connector whose system pushes changes: it registers webhooks and judges every delivery.</summary>
public interface IWebhookConnector
{
    /// <summary>Registers (or confirms) the webhooks this connector needs, delivering to <paramref name="callbackUrl"/>.</summary>
    Task<Failure?> RegisterWebhooksAsync(Uri callbackUrl, CancellationToken cancellationToken);

    /// <summary>Verifies a request's signature (or answers its handshake) and says what it names.</summary>
    WebhookVerdict Receive(WebhookRequest request);
}
