using System.Text;
using System.Text.Json;
using Tolk.Connectors;
using Tolk.Connectors.Webhooks;
using Tolk.Crmoffice.Internal;
using Tolk.Crmoffice.Internal.Dto;

namespace Tolk.Crmoffice;

public sealed partial class CrmofficeConnector
{
    private const string SignatureHeader = "X-Crmoffice-Signature";

    /// <inheritdoc />
    /// <remarks>
    /// Registers one webhook for companies, contacts and activities (users have none). The signing secret is
    /// <see cref="CrmofficeOptions.WebhookSecret"/> or, by default, derived from the client secret and the callback URL,
    /// so a restarted connector verifies deliveries without storing it; rotating the client secret means registering
    /// again. The API has no way to list registrations, so each call registers anew; Crmoffice keeps one registration
    /// per URL, so registering again replaces the earlier one. One left by an earlier run for the server's old port
    /// cannot be found: its deliveries fail until Crmoffice disables it after its retries.
    /// </remarks>
    public async Task<Failure?> RegisterWebhooksAsync(Uri callbackUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        var events = CrmofficeDatatypes.All.Where(d => d.Capabilities.HasFlag(Capabilities.Webhooks)).Select(d => d.Collection).ToList();
        var result = await _api.RegisterWebhookAsync(new WebhookRegistration(callbackUrl.AbsoluteUri, events, WebhookSecretFor(callbackUrl)), cancellationToken);
        return result.Failure;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Checks <c>X-Crmoffice-Signature: t=...,v1=...</c> (hex HMAC-SHA256 of <c>"&lt;t&gt;.&lt;raw body&gt;"</c>) and
    /// refuses timestamps more than five minutes off (replays). A <c>*.deleted</c> delivery also queues its id for the
    /// next read of that datatype, which confirms it with a GET and reports the record deleted.
    /// </remarks>
    public WebhookVerdict Receive(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.FirstOrDefault(h => string.Equals(h.Key, SignatureHeader, StringComparison.OrdinalIgnoreCase)).Value;
        if (WebhookSignature.Parse(header) is not var (t, v1))
        {
            return WebhookVerdict.Reject($"missing or malformed {SignatureHeader}");
        }
        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(t);
        if (age > _options.WebhookTolerance || age < -_options.WebhookTolerance)
        {
            return WebhookVerdict.Reject($"signature timestamp is {age.TotalSeconds:F0}s off: refused as a possible replay");
        }
        var payload = Encoding.UTF8.GetBytes(t.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ".").Concat(request.Body).ToArray();
        if (!Signatures.SameSignature(Signatures.HmacSha256Hex(WebhookSecretFor(request.CallbackUrl), payload), v1))
        {
            return WebhookVerdict.Reject("signature does not match");
        }
        return Hint(request.Body) is { } hint ? WebhookVerdict.Accept([hint]) : WebhookVerdict.Reject("the delivery body is not a Crmoffice event", 400);
    }

    private ChangeHint? Hint(byte[] body)
    {
        WebhookDeliveryBody? delivery;
        try
        {
            delivery = JsonSerializer.Deserialize<WebhookDeliveryBody>(body);
        }
        catch (JsonException)
        {
            return null;
        }
        var dot = delivery?.Event?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0 || CrmofficeDatatypes.ForCollection(delivery!.Event![..dot]) is not { } type || string.IsNullOrEmpty(delivery.Id))
        {
            return null;
        }
        if (delivery.Event[(dot + 1)..] == "deleted")
        {
            _pendingDeletes.GetOrAdd(type.Name, _ => new(StringComparer.Ordinal))[delivery.Id] = 0;
        }
        return new ChangeHint(type.Name, delivery.Id);
    }

    private string WebhookSecretFor(Uri callbackUrl) =>
        _options.WebhookSecret ?? Signatures.HmacSha256Hex(_options.ClientSecret, Encoding.UTF8.GetBytes("tolk-webhook:" + callbackUrl.AbsoluteUri));
}
