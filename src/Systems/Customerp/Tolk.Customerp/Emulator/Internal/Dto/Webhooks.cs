using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using A = Tolk.Customerp.Emulator.CustomerpAssumptions;

namespace Tolk.Customerp.Emulator.Internal.Dto;

/// <summary>A webhook registration as the API returns it (the secret is never returned).</summary>
internal sealed record Webhook(
    int Id,
    string Url,
    IReadOnlyList<string> Events,
    [property: Description("False once a delivery has failed all its attempts; deliveries stop.")] bool Active,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The body of a webhook registration.</summary>
internal sealed record WebhookCreate(
    [property: MaxLength(A.MaxUrlLength), Description("An absolute http or https URL; it must answer the signed webhook.ping with 2xx.")] string Url,
    [property: Description("Event types (customer.updated) or patterns (customer.*, *.deleted, *).")] IReadOnlyList<string> Events,
    [property: MinLength(A.MinSecretLength), MaxLength(A.MaxSecretLength), Description("The HMAC-SHA256 key of X-Customerp-Signature.")] string Secret);

/// <summary>A webhook delivery's body, signed with X-Customerp-Signature: sha256=&lt;hex HMAC-SHA256(secret, raw body)&gt;.</summary>
internal sealed record WebhookEvent(
    [property: Description("The event's id (evt_<n>); a retried delivery repeats it.")] string Id,
    [property: Description("<object>.<created|updated|deleted>, or webhook.ping at registration.")] string Type,
    DateTimeOffset OccurredAt,
    [property: Description("The record after the change (deleted records carry deleted_at); data.version orders deliveries of one record.")] JsonObject Data);
