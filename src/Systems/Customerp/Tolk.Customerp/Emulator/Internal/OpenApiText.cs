using Microsoft.OpenApi;
using A = Tolk.Customerp.Emulator.CustomerpAssumptions;

namespace Tolk.Customerp.Emulator.Internal;

/// <summary>The prose and parameter types of the OpenAPI document, kept apart from the wiring.</summary>
internal static class OpenApiText
{
    public const string Overview = """
        Customerp's REST/JSON API: snake_case fields, integer ids, cursor pagination, webhooks, optimistic concurrency
        and soft deletes. Every record has id, created_at, updated_at, deleted_at (null unless deleted) and version;
        times are RFC 3339 in UTC with milliseconds. Responses for one record carry ETag: "<version>"; a PATCH or
        DELETE with If-Match that does not match gets 412. Errors are application/problem+json with exactly type,
        title, status, detail and errors (messages by field). Requests are limited per API token (600 per minute by
        default); over the limit the answer is 429 with Retry-After in seconds.
        Lists: GET /{collection}?limit=1..500 (default 100)&cursor=&updated_since=&include_deleted=true, ordered by
        (updated_at, id) ascending; updated_since is inclusive. A cursor is opaque, belongs to one collection and one
        updated_since/include_deleted, and expires (400 with type .../problems/cursor-expired: start again without it).
        Unique values (org_number, contact and employee email, employee_number, project_number, sku) are unique among
        records that are not deleted; a clash is 409 with the field in errors. Unknown fields, read-only fields, wrong
        types, missing required fields and too long strings are 400 with the field in errors.
        """;

    public const string Deliveries = """
        Customerp POSTs one JSON event per change to every active webhook whose events match (customer.*, *.deleted,
        * or an exact type), signed with X-Customerp-Signature. A delivery that gets no 2xx within 10 seconds is
        retried with exponential backoff from 30 seconds (capped at an hour), 8 attempts in all; deliveries can
        therefore repeat and arrive out of order, and data.version orders the changes of one record. When the last
        attempt fails the webhook is deactivated (active: false); an answer of 410 Gone deletes it at once.
        """;

    public static readonly (string Name, string Description)[] Tags =
    [
        ("customers", "Companies Customerp sells to."),
        ("contacts", "People at customers."),
        ("employees", "The company's own staff."),
        ("projects", "Projects for customers, managed by employees."),
        ("products", "Products and services with price and VAT."),
        ("webhooks", "Registrations for change events."),
    ];

    public static readonly Dictionary<string, Func<(IOpenApiSchema, string)>> Parameters = new(StringComparer.Ordinal)
    {
        ["id"] = () => (new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" }, "The record's id."),
        ["limit"] = () => (new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = $"{A.MaxLimit}", Default = A.DefaultLimit },
            $"Page size, 1 to {A.MaxLimit}; {A.DefaultLimit} when left out. Out of range is 400."),
        ["cursor"] = () => (new OpenApiSchema { Type = JsonSchemaType.String },
            "The previous page's next_cursor, unchanged. Garbled is 400; expired is 400 with type https://customerp.example/problems/cursor-expired."),
        ["updated_since"] = () => (new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            "Only records with updated_at at or after this RFC 3339 date-time (offset required; URL-encode a +)."),
        ["include_deleted"] = () => (new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = false },
            "true to include soft-deleted records (they carry deleted_at)."),
        ["Idempotency-Key"] = () => (new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = A.MaxIdempotencyKeyLength },
            "Makes the create safe to retry for 24 hours: the same key with the same body returns the first response; with another body, 422."),
        ["If-Match"] = () => (new OpenApiSchema { Type = JsonSchemaType.String }, "The ETag last read, e.g. \"3\"; the write fails with 412 if the record has moved on."),
    };

    public static string ResponseDescription(string status, string? fallback) => status switch
    {
        "400" => "The request is not valid: errors names each bad field, parameter or header.",
        "401" => "No API token, or not a valid one.",
        "404" => "No such record (or it is deleted).",
        "409" => "A unique value is already used by another record; errors names the field.",
        "412" => "If-Match does not match the record's current ETag.",
        "413" => "The body is larger than 1 MiB.",
        "415" => "The body is not JSON.",
        "422" => "The Idempotency-Key was used for a different request.",
        "429" => "Too many requests for this token; wait Retry-After seconds.",
        _ => fallback ?? "",
    };
}
