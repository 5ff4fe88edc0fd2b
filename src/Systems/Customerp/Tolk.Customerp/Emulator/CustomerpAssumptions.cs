namespace Tolk.Customerp.Emulator;

/// <summary>
/// Every choice the Customerp contract (<c>spec/systems/customerp.md</c>) leaves open, in one place, so that the emulator,
/// its OpenAPI document and a real implementation of the contract agree. Each is covered by a contract test.
/// </summary>
/// <remarks>
/// Decisions where the spec is silent: timestamps are UTC with millisecond precision (<c>2026-01-05T09:00:00.000Z</c>);
/// <c>updated_since</c> is inclusive (<c>updated_at &gt;= updated_since</c>) and needs an offset, so an unencoded <c>+</c>
/// (which arrives as a space) is refused; a cursor is bound to its collection and to the <c>updated_since</c> and
/// <c>include_deleted</c> it was issued for, and expires after <see cref="CursorLifetimeSeconds"/>; <c>limit</c> outside
/// 1..500 is refused (not clamped); unknown query parameters are ignored; bodies must be <c>application/json</c> objects
/// (PATCH also takes <c>application/merge-patch+json</c>), unknown fields and the read-only <c>id</c>, <c>created_at</c>,
/// <c>updated_at</c>, <c>deleted_at</c>, <c>version</c> are refused with 400; a PATCH that changes no value changes
/// nothing (no new version, no webhook); a soft-deleted record answers 404 to GET (200 with <c>include_deleted=true</c>),
/// PATCH and DELETE; unique values are unique among records that are not deleted (emails case-insensitively); an
/// <c>Idempotency-Key</c> reused with another body or path gets 422 (the IETF idempotency-key draft's choice); only
/// successful creates are remembered; a webhook registration is verified with a signed <c>webhook.ping</c> that must
/// be answered 2xx; a delivery that still fails after its last attempt deactivates the webhook (<c>active: false</c>),
/// and a receiver answering 410 Gone deletes it.
/// </remarks>
public static class CustomerpAssumptions
{
    /// <summary>The real service's base URL; <c>{tenant}</c> is the customer's subdomain.</summary>
    public const string BaseUrl = "https://{tenant}.customerp.example/api/v1";

    /// <summary>Requests per window per API token before 429 (the spec's default).</summary>
    public const int RateLimit = 600;

    /// <summary>The rate window's length in seconds (the spec's "per minute").</summary>
    public const int RateLimitWindowSeconds = 60;

    /// <summary>Page size when <c>limit</c> is absent.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Largest <c>limit</c> (the spec's 1..500).</summary>
    public const int MaxLimit = 500;

    /// <summary>Seconds a <c>next_cursor</c> stays usable.</summary>
    public const int CursorLifetimeSeconds = 3600;

    /// <summary>Hours an <c>Idempotency-Key</c> is remembered (the spec's 24 h window).</summary>
    public const int IdempotencyWindowHours = 24;

    /// <summary>Longest <c>Idempotency-Key</c>.</summary>
    public const int MaxIdempotencyKeyLength = 255;

    /// <summary>Largest request body in bytes; larger gets 413.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Delivery attempts before a webhook is deactivated.</summary>
    public const int WebhookMaxAttempts = 8;

    /// <summary>Seconds before the first retry; each later wait doubles, capped at an hour.</summary>
    public const int WebhookFirstRetrySeconds = 30;

    /// <summary>Seconds a receiver has to answer one delivery or the registration ping.</summary>
    public const int WebhookTimeoutSeconds = 10;

    /// <summary>Shortest and longest webhook secret.</summary>
    public const int MinSecretLength = 16, MaxSecretLength = 200;

    /// <summary>Longest webhook URL.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>String length limits (the spec fixes only <c>name</c> at 200; the rest are ours).</summary>
    public const int NameLength = 200, PersonNameLength = 100, EmailLength = 254, PhoneLength = 50, WebsiteLength = 500,
        AddressLength = 200, PostalCodeLength = 20, CityLength = 100, TitleLength = 100, DepartmentLength = 100,
        TextLength = 5000, SkuLength = 64, NumberLength = 32;

    /// <summary>Largest money amount (<c>budget</c>, <c>unit_price</c>): a numeric(15,2) column.</summary>
    public const decimal MaxAmount = 9_999_999_999_999.99m;

    /// <summary>Values a field takes on create when the body leaves it out.</summary>
    public const string DefaultCurrency = "NOK", DefaultStatus = "planned";

    /// <summary>The Norwegian standard VAT rate, used when a product is created without <c>vat_rate</c>.</summary>
    public const decimal DefaultVatRate = 25.00m;
}
