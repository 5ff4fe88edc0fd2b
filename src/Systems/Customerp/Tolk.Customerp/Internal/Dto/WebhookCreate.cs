using System.Text.Json.Serialization;

namespace Tolk.Customerp.Internal.Dto;

/// <summary>The body of <c>POST /webhooks</c>.</summary>
internal sealed record WebhookCreate(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("events")] IReadOnlyList<string> Events,
    [property: JsonPropertyName("secret")] string Secret)
{
    /// <summary>Leaves the secret out, should this ever reach a log.</summary>
    public override string ToString() => $"WebhookCreate {{ Url = {Url}, Events = {string.Join(",", Events)} }}";
}

[JsonSerializable(typeof(WebhookCreate))]
internal sealed partial class WebhookJson : JsonSerializerContext;
