using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using A = Tolk.Custompms.Emulator.CustompmsAssumptions;

namespace Tolk.Custompms.Emulator.Internal;

/// <summary>The prose and parameter types of the OpenAPI document, kept apart from the wiring.</summary>
internal static class OpenApiText
{
    public const string Overview = """
        Custompms's REST/JSON API: camelCase fields, UUID ids, page-number lists, full replacement with PUT, hard
        deletes, and a sequence-numbered change log instead of webhooks. Every record has id, createdAt and modifiedAt
        (RFC 3339, UTC, with milliseconds). Errors are application/json with exactly error, message and field:
        400 validation_failed (field names the bad field, parameter or header), 401 unauthorized, 404 not_found,
        405 method_not_allowed, 409 conflict, 410 sequence_expired, 429 rate_limited (5 requests per second per
        API key, with Retry-After in seconds), 500 internal_error. Query parameter names are exact; unknown or
        repeated ones are 400. Bodies are JSON objects of at most 1 MiB; unknown fields are 400; createdAt and
        modifiedAt in a body are ignored, id must be left out on create and match the path on replace.
        """;

    public static readonly (string Name, string Description)[] Tags =
    [
        ("customers", "Organizations projects are done for."),
        ("projects", "Projects, each with a unique key such as PRJ-12."),
        ("tasks", "Tasks in projects, assigned to people by e-mail address."),
        ("changes", "The change log: every create, replace and delete, in order."),
    ];

    public static readonly Dictionary<string, Func<(IOpenApiSchema, string)>> Parameters = new(StringComparer.Ordinal)
    {
        ["id"] = () => (new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            "The record's id (a lower-case UUID). An id that names no record is 404."),
        ["page"] = () => (new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Default = JsonValue.Create(1) },
            "Page number from 1. A page past the end is an empty array."),
        ["perPage"] = () => (new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = $"{A.MaxPerPage}", Default = JsonValue.Create(A.DefaultPerPage) },
            $"Page size, 1 to {A.MaxPerPage}; out of range is 400."),
        ["modifiedSince"] = () => (new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            "Only records with modifiedAt at or after this RFC 3339 date-time (offset required; URL-encode a +)."),
        ["since"] = () => (new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" },
            "The lastSeq of the previous read; entries with a greater seq are returned. Leave out to learn the current lastSeq. "
            + "Before the retained window (or beyond the head): 410 sequence_expired."),
        ["limit"] = () => (new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = $"{A.MaxChangeLimit}", Default = JsonValue.Create(A.DefaultChangeLimit) },
            $"Most entries to return, 1 to {A.MaxChangeLimit}."),
        ["Idempotency-Key"] = () => (new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = A.MaxIdempotencyKeyLength },
            "Makes the create safe to retry: the same key (per API key and collection, for 24 hours) returns the first 201 unchanged."),
    };

    public static string ResponseDescription(string status, string? fallback) => status switch
    {
        "200" or "201" or "204" => fallback is null or "" or "OK" or "Created" or "No Content" ? Success(status) : fallback,
        "400" => "validation_failed: field names the bad field, query parameter or header (null for a malformed body).",
        "401" => "unauthorized: no X-Api-Key, or not a valid one.",
        "404" => "not_found: no record with that id.",
        "409" => "conflict: the key is taken, or other records still refer to this one.",
        "410" => "sequence_expired: since is outside the retained log; re-read everything.",
        "429" => "rate_limited: over 5 requests per second for this API key; wait Retry-After seconds.",
        "500" => "internal_error: retry later.",
        _ => fallback ?? "",
    };

    private static string Success(string status) => status switch
    {
        "201" => "Created; the record as stored.",
        "204" => "Deleted.",
        _ => "OK.",
    };
}
