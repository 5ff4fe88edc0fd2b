using System.Text.Json.Serialization;

namespace Tolk.Crmoffice.Emulator.Internal.Dto;

/// <summary>One field's problem.</summary>
internal sealed record ErrorDetail(string Field, string Message);

/// <summary>Crmoffice's error body.</summary>
internal sealed record ErrorBody(string Error, string Message, IReadOnlyList<ErrorDetail> Details);

/// <summary>The token request's form fields.</summary>
internal sealed record TokenRequest(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret);

/// <summary>An issued access token.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>A webhook registration as the API shows it (the secret is never shown again).</summary>
internal sealed record Webhook(string Id, Uri Url, IReadOnlyList<string> Events, bool IsActive, DateTimeOffset CreatedAt);

/// <summary>A webhook registration request.</summary>
internal sealed record WebhookInput(Uri Url, IReadOnlyList<string> Events, string Secret);

/// <summary>The body of a webhook delivery: the event and the record's id only.</summary>
internal sealed record WebhookEvent(string Event, string Id, DateTimeOffset Timestamp);
