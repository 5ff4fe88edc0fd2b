namespace Tolk.Custompms.Emulator;

/// <summary>
/// Every choice the Custompms contract (<c>spec/systems/custompms.md</c>) leaves open, in one place, so that the emulator,
/// its OpenAPI document and a real implementation of the contract agree. Each is covered by a contract test.
/// </summary>
/// <remarks>
/// Decisions where the spec is silent: every error body has exactly <c>error</c>, <c>message</c> and <c>field</c> (null
/// when no single field is at fault), the 401 and 410 answers included. Timestamps are UTC with milliseconds
/// (<c>2026-01-05T09:00:00.000Z</c>); <c>modifiedSince</c> is inclusive and needs an offset (an unencoded <c>+</c>
/// arrives as a space and is refused). <c>page</c> past the end is an empty array; out-of-range <c>page</c>,
/// <c>perPage</c>, <c>since</c> or <c>limit</c> is refused, not clamped. Query parameter names are exact: an unknown,
/// wrongly cased or repeated one is a 400 naming it. Bodies must be <c>application/json</c> objects of at most
/// <see cref="MaxBodyBytes"/>; unknown fields are refused; <c>createdAt</c> and <c>modifiedAt</c> in a body are
/// ignored (so a record read and sent back is accepted), <c>id</c> is refused on create and must match the path on
/// PUT. Omitted optional fields are null on create as on PUT (no defaults: <c>status</c>, <c>priority</c> and
/// <c>done</c> can be null), except <c>key</c>, which is never null: assigned as <c>PRJ-&lt;n&gt;</c> on create and kept
/// on PUT. Keys are unique case-insensitively. Ids are lower-case UUIDs compared exactly: a path id that names no
/// record (malformed or unknown) is 404; a reference that is malformed or names no record is 400 with the field.
/// Every successful PUT is a write (new <c>modifiedAt</c>, a change-log entry) even when no value changed. Deleting a
/// customer that projects refer to, or a project that tasks refer to, is 409 (references always resolve). An
/// <c>Idempotency-Key</c> is scoped to the API key and the collection, remembered for
/// <see cref="IdempotencyRetentionSeconds"/>, and only for successful creates; its replay is the first 201 byte for
/// byte, whatever the new body. The change log: <c>since</c> is exclusive; leaving it out answers no changes and the
/// current <c>lastSeq</c> (where to start following from now); <c>lastSeq</c> is the position to pass as the next
/// <c>since</c> (the last entry returned, or the head when there is none); a <c>since</c> before the retained window or
/// beyond the head is 410. The sample data's history is older than the window: a freshly seeded log starts with
/// <c>lastSeq</c> equal to the number of seeded records and nothing retained, so <c>since=0</c> is 410 and a client
/// reads everything through the lists. Unsupported methods are 405 with <c>method_not_allowed</c>.
/// </remarks>
public static class CustompmsAssumptions
{
    /// <summary>The real service's base URL.</summary>
    public const string BaseUrl = "https://custompms.example/api";

    /// <summary>The header carrying the API key.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Requests per second per API key before 429 (the spec's limit).</summary>
    public const int RateLimitPerSecond = 5;

    /// <summary>Page size when <c>perPage</c> is absent.</summary>
    public const int DefaultPerPage = 50;

    /// <summary>Largest <c>perPage</c> (the spec's 1..200).</summary>
    public const int MaxPerPage = 200;

    /// <summary>Change-log page size when <c>limit</c> is absent.</summary>
    public const int DefaultChangeLimit = 100;

    /// <summary>Largest change-log <c>limit</c> (the spec's 1..1000).</summary>
    public const int MaxChangeLimit = 1000;

    /// <summary>How long change-log entries are kept (the spec's default of 7 days).</summary>
    public const int ChangeLogRetentionSeconds = 7 * 24 * 3600;

    /// <summary>How long an <c>Idempotency-Key</c> is remembered.</summary>
    public const int IdempotencyRetentionSeconds = 24 * 3600;

    /// <summary>Longest <c>Idempotency-Key</c>.</summary>
    public const int MaxIdempotencyKeyLength = 255;

    /// <summary>Largest request body in bytes.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>String length limits (the spec gives none; these are the contract's).</summary>
    public const int NameLength = 200, OrgNumberLength = 20, EmailLength = 254, PhoneLength = 50, KeyLength = 50,
        TitleLength = 500, DescriptionLength = 10_000;

    /// <summary>The prefix of server-assigned project keys.</summary>
    public const string KeyPrefix = "PRJ-";
}
