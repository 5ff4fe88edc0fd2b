using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Tolk.Crmoffice.Internal.Dto;

/// <summary>The token endpoint's answer.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn);

/// <summary>One field's problem in an error body.</summary>
internal sealed record ErrorDetail(
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("message")] string? Message);

/// <summary>Crmoffice's error body <c>{"error","message","details":[{"field","message"}]}</c>.</summary>
internal sealed record ErrorBody(
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("details")] IReadOnlyList<ErrorDetail>? Details);

/// <summary>A list page: the raw items (checked one by one, so one bad record spoils nothing else) and the total.</summary>
internal sealed record ListPage(
    [property: JsonPropertyName("items")] JsonArray? Items,
    [property: JsonPropertyName("total")] int Total);

/// <summary>A webhook registration request.</summary>
internal sealed record WebhookRegistration(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("events")] IReadOnlyList<string> Events,
    [property: JsonPropertyName("secret")] string Secret);

/// <summary>A webhook delivery's body.</summary>
internal sealed record WebhookDeliveryBody(
    [property: JsonPropertyName("event")] string? Event,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("timestamp")] string? Timestamp);
