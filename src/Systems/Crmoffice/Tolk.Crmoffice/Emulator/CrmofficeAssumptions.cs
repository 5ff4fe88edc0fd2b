namespace Tolk.Crmoffice.Emulator;

/// <summary>
/// Every fact about Crmoffice that the spec marks as assumed (its reference documentation is not public), in one place
/// so it can be corrected against the real service. Facts the spec marks as known (field and collection names) and the
/// spec's stated conventions live with the code that uses them.
/// </summary>
/// <remarks>
/// Behaviour chosen where the spec is silent (each is tested, so a correction shows up as a failing test):
/// timestamps have whole seconds; <c>updatedAfter</c> is strict (<c>updatedAt &gt; updatedAfter</c>) and needs an
/// offset, so an unencoded <c>+</c> (which arrives as a space) is refused; a repeated or malformed list parameter gets
/// 400 <c>validation_error</c>; unknown query parameters are ignored; bodies must be <c>application/json</c> objects
/// (anything else gets 400 <c>invalid_request</c>, not 415), and unknown fields and the read-only <c>id</c>,
/// <c>createdAt</c>, <c>updatedAt</c> are refused with 400; on create, absent optional fields are null,
/// <c>isActive</c> is true and <c>completed</c> false, and the answer carries <c>Location</c>; booleans cannot be
/// null; PUT merges <c>address</c> field by field (<c>"address": null</c> clears all of it); every successful PUT moves
/// <c>updatedAt</c> and fires webhooks, even when no value changed; date-times in bodies are stored converted to the
/// tenant's offset; <c>orgNr</c> is nine digits and unique (409 <c>conflict</c>); references must name an existing
/// record (400); deleting a company or contact that another record refers to is refused with 409; a malformed id in a
/// path is simply not found (404); writes to <c>users</c> get 405 with <c>Allow</c>; users carry <c>createdAt</c> and
/// <c>updatedAt</c> like every collection; a missing bearer token gets 401 <c>unauthorized</c>; the token endpoint
/// answers with <c>Cache-Control: no-store</c> and is not rate limited; the rate limit counts the requests it
/// serves, not the ones it refuses; webhooks have no handshake (the signature is the proof), their ids are
/// <c>WH-000001</c>, the secret is write-only, every attempt is signed afresh with its own <c>t</c>, a 2xx
/// acknowledges, and a registration whose delivery exhausts its retries (or is answered 410) is disabled
/// (<c>isActive: false</c>) and gets no more deliveries.
/// </remarks>
public static class CrmofficeAssumptions
{
    /// <summary>The real service's base URL (the emulator serves the same paths at its root).</summary>
    public const string BaseUrl = "https://api.crmoffice.no";

    /// <summary>Seconds an access token lives (the token response's <c>expires_in</c>).</summary>
    public const int TokenLifetimeSeconds = 3600;

    /// <summary>Requests per second per OAuth client before 429 with <c>Retry-After</c>.</summary>
    public const int RequestsPerSecond = 10;

    /// <summary>Page size when <c>limit</c> is absent; the spec only gives the range 1..250.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Largest <c>limit</c> (from the spec's 1..250).</summary>
    public const int MaxLimit = 250;

    /// <summary>Digits in the number part of an id (<c>CO-000001</c>).</summary>
    public const int IdDigits = 6;

    /// <summary>Prefix of webhook registration ids; the spec gives none.</summary>
    public const string WebhookIdPrefix = "WH";

    /// <summary>Longest accepted value of a plain text field unless the field says otherwise.</summary>
    public const int MaxTextLength = 200;

    /// <summary>Longest description.</summary>
    public const int MaxDescriptionLength = 4000;

    /// <summary>Longest e-mail address (RFC 5321's path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Longest phone number.</summary>
    public const int MaxPhoneLength = 50;

    /// <summary>Longest website or webhook URL.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>Shortest and longest webhook secret.</summary>
    public const int MinSecretLength = 16, MaxSecretLength = 256;

    /// <summary>
    /// The spec does not say what a second registration for the same URL does: here it replaces the first (events,
    /// secret, active again) and answers 200 with the same id, so a client that cannot list its registrations (the API
    /// has no list) never ends up with two delivering everything twice.
    /// </summary>
    public const bool OneWebhookPerUrl = true;

    /// <summary>Webhook delivery attempts in all (the first plus retries) before the registration is disabled.</summary>
    public const int WebhookMaxAttempts = 6;

    /// <summary>Wait before the first retry; each later retry waits twice as long (30 s, 1, 2, 4, 8 min).</summary>
    public const int WebhookFirstRetrySeconds = 30;

    /// <summary>Longest wait between retries.</summary>
    public const int WebhookMaxRetrySeconds = 3600;

    /// <summary>How long one delivery attempt may take before it counts as failed.</summary>
    public const int WebhookTimeoutSeconds = 10;

    /// <summary>The tenant's time zone, whose offset every timestamp carries.</summary>
    public const string TimeZone = "Europe/Oslo";

    /// <summary>Error codes in <c>{"error": ...}</c>; the spec fixes only <c>invalid_token</c> and <c>invalid_client</c>.</summary>
    public const string ErrorInvalidRequest = "invalid_request", ErrorValidation = "validation_error",
        ErrorUnauthorized = "unauthorized", ErrorInvalidToken = "invalid_token", ErrorInvalidClient = "invalid_client",
        ErrorUnsupportedGrant = "unsupported_grant_type", ErrorForbidden = "forbidden", ErrorNotFound = "not_found",
        ErrorMethodNotAllowed = "method_not_allowed", ErrorConflict = "conflict", ErrorRateLimited = "rate_limited",
        ErrorInternal = "internal_error", ErrorUnavailable = "service_unavailable";
}
