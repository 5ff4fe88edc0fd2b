using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Connectors.Webhooks;
using Tolk.Customerp.Internal;
using Tolk.Customerp.Internal.Dto;

namespace Tolk.Customerp;

public sealed partial class CustomerpConnector
{
    private const string SignatureHeader = "X-Customerp-Signature";

    private static readonly IReadOnlyList<string> Events = CustomerpCollections.All.Select(c => c.Datatype + ".*").ToList();

    /// <inheritdoc />
    /// <remarks>
    /// The API never returns a registration's secret, so an existing registration for the URL cannot be confirmed: it is
    /// replaced. Customerp verifies the new one by sending a signed <c>webhook.ping</c>, which <see cref="Receive"/> accepts.
    /// </remarks>
    public async Task<Failure?> RegisterWebhooksAsync(Uri callbackUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        try
        {
            var list = await _api.ListWebhooksAsync(cancellationToken);
            if (!list.Succeeded || ListPage.From(list.Body) is not { } page)
            {
                return list.Succeeded ? new Failure(FailureKind.Unavailable, "list webhooks: the answer is not a list page")
                    : Failures.From(list, _guard, "list webhooks");
            }
            // The registration for this URL is replaced; one an earlier run left on the server's old port is removed.
            foreach (var hook in page.Items.OfType<JsonObject>().Where(h =>
                (string?)h["url"] == callbackUrl.AbsoluteUri || WebhookTargets.IsEarlierCallback((string?)h["url"], callbackUrl)))
            {
                var removed = await _api.DeleteWebhookAsync(hook["id"]!.ToJsonString(), cancellationToken);
                if (!removed.Succeeded && removed.Status != HttpStatusCode.NotFound)
                {
                    return Failures.From(removed, _guard, "replace webhook");
                }
            }
            var reply = await _api.RegisterWebhookAsync(new WebhookCreate(callbackUrl.AbsoluteUri, Events, _webhookSecret), cancellationToken);
            return reply.Succeeded ? null : Failures.From(reply, _guard, "register webhook");
        }
        catch (Exception e) when (Failures.IsNetwork(e, cancellationToken))
        {
            return Failures.Unreachable(e, "register webhook");
        }
    }

    /// <inheritdoc />
    /// <remarks>Verifies <c>X-Customerp-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</c> in constant time.</remarks>
    public WebhookVerdict Receive(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signature = request.Headers.FirstOrDefault(h => string.Equals(h.Key, SignatureHeader, StringComparison.OrdinalIgnoreCase)).Value;
        if (!Signatures.SameSignature("sha256=" + Signatures.HmacSha256Hex(_webhookSecret, request.Body), signature))
        {
            return WebhookVerdict.Reject($"missing or invalid {SignatureHeader}");
        }
        if (Parse(request.Body) is not { } delivery || delivery["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var type))
        {
            return WebhookVerdict.Reject("the delivery is not a Customerp event", 400);
        }
        var prefix = type.Split('.')[0];
        // A ping (registration) or an event of a collection this build does not know: acknowledged so it is not retried.
        if (CustomerpCollections.Find(prefix) is not { } collection)
        {
            return WebhookVerdict.Accept([]);
        }
        var id = delivery["data"] is JsonObject data && data["id"] is JsonValue v ? v.ToJsonString().Trim('"') : null;
        return WebhookVerdict.Accept([new ChangeHint(collection.Datatype, id)]);
    }

    private static JsonObject? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
