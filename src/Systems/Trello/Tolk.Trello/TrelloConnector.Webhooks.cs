using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Connectors.Webhooks;
using Tolk.Trello.Internal;

namespace Tolk.Trello;

public sealed partial class TrelloConnector
{
    private const string SignatureHeader = "X-Trello-Webhook";

    /// <inheritdoc />
    /// <remarks>
    /// One webhook per model: the token's member, each of its workspaces, and the action card once it exists
    /// (<c>POST /webhooks</c> with callbackURL and idModel). Trello first sends HEAD to the callback, which
    /// <see cref="Receive"/> answers with 200. A webhook that already exists for the callback, model and token is
    /// left as it is, so registering again (after a restart) is harmless. Needs <see cref="TrelloOptions.AppSecret"/>.
    /// </remarks>
    public async Task<Failure?> RegisterWebhooksAsync(Uri callbackUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        if (_options.AppSecret is null)
        {
            return new Failure(FailureKind.NotSupported,
                "trello webhooks need the application's secret (TrelloOptions.AppSecret) to verify deliveries; changes are still found by polling");
        }
        var (models, failure) = await WebhookModelsAsync(cancellationToken);
        if (models is null)
        {
            return failure;
        }
        if (await RemoveEarlierWebhooksAsync(callbackUrl, cancellationToken) is { } removeFailure)
        {
            return removeFailure;
        }
        foreach (var model in models)
        {
            var what = $"register a webhook on {model}";
            var (reply, unreachable) = await Calls.TryAsync(() => _api.WriteAsync(HttpMethod.Post, "webhooks",
                [("callbackURL", callbackUrl.AbsoluteUri), ("idModel", model), ("description", "Tolk")], cancellationToken), what, cancellationToken);
            if (unreachable is not null)
            {
                return unreachable;
            }
            if (!reply!.Succeeded && !reply.Detail.Contains("already exists", StringComparison.OrdinalIgnoreCase))
            {
                return TrelloFailures.From(reply, _api.Guard, what);
            }
        }
        _logger.LogInformation("trello: webhooks on {Count} models deliver to {Callback}", models.Count, callbackUrl.GetLeftPart(UriPartial.Path));
        return null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// HEAD (Trello's check of the callback) is answered with 200. A delivery must carry
    /// <c>X-Trello-Webhook</c> = base64(HMAC-SHA1(app secret, raw body + callback URL)), compared in constant time;
    /// its action becomes hints for the records it names.
    /// </remarks>
    public WebhookVerdict Receive(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.Equals(request.Method, "HEAD", StringComparison.OrdinalIgnoreCase))
        {
            return WebhookVerdict.Accept([]);
        }
        if (_options.AppSecret is not { } secret)
        {
            return WebhookVerdict.Reject("no app secret is configured (TrelloOptions.AppSecret), so no delivery can be verified");
        }
        var signature = request.Headers.FirstOrDefault(h => string.Equals(h.Key, SignatureHeader, StringComparison.OrdinalIgnoreCase)).Value;
        var signed = request.Body.Concat(Encoding.UTF8.GetBytes(request.CallbackUrl.AbsoluteUri)).ToArray();
        if (!Signatures.SameSignature(Signatures.HmacSha1Base64(secret, signed), signature))
        {
            return WebhookVerdict.Reject($"missing or invalid {SignatureHeader}");
        }
        if (Parse(request.Body)?["action"] is not JsonObject action)
        {
            return WebhookVerdict.Reject("the delivery is not a Trello action", 400);
        }
        return WebhookVerdict.Accept(WebhookHints.From(action, _card.Known));
    }

    // Webhooks an earlier run registered with this token for the server's old port can only fail now: they go.
    private async Task<Failure?> RemoveEarlierWebhooksAsync(Uri callbackUrl, CancellationToken ct)
    {
        const string what = "list the token's webhooks";
        var (listed, unreachable) = await Calls.TryAsync(() => _api.GetAsync($"tokens/{Uri.EscapeDataString(_options.ApiToken)}/webhooks", ct), what, ct);
        if (unreachable is not null || !listed!.Succeeded || listed.Array is not { } hooks)
        {
            return unreachable ?? Calls.Failure(listed!, _api, what, "a list of webhooks");
        }
        foreach (var id in hooks.OfType<JsonObject>()
            .Where(h => WebhookTargets.IsEarlierCallback((string?)h["callbackURL"], callbackUrl) && RecordReader.IsId(h["id"]))
            .Select(h => (string)h["id"]!))
        {
            var removing = $"delete the earlier webhook {id}";
            var (reply, gone) = await Calls.TryAsync(() => _api.WriteAsync(HttpMethod.Delete, $"webhooks/{id}", [], ct), removing, ct);
            if (gone is not null || (!reply!.Succeeded && reply.Status != global::System.Net.HttpStatusCode.NotFound))
            {
                return gone ?? TrelloFailures.From(reply!, _api.Guard, removing);
            }
        }
        return null;
    }

    // The token's member and its workspaces (one batch), and the action card when it exists.
    private async Task<(List<string>? Models, Failure? Failure)> WebhookModelsAsync(CancellationToken ct)
    {
        const string what = "find the models to watch";
        var (batch, unreachable) = await Calls.TryAsync(() => _api.BatchAsync(
            [TrelloApiClient.Path("members/me", ("fields", "id")), TrelloApiClient.Path("members/me/organizations", ("filter", "all"), ("fields", "id"))], ct),
            what, ct);
        if (unreachable is not null || batch!.Items is not [var me, var organizations])
        {
            return (null, unreachable ?? Calls.Failure(batch!.Reply, _api, what, "a batch answer"));
        }
        if (!me.Succeeded || !RecordReader.IsId(me.Object?["id"]) || !organizations.Succeeded || organizations.Array is null)
        {
            return (null, Calls.Failure(me.Succeeded ? organizations : me, _api, what, "the member and its workspaces"));
        }
        var models = new List<string> { (string)me.Object!["id"]! };
        models.AddRange(organizations.Array.Select(o => o?["id"]).Where(RecordReader.IsId).Select(id => (string)id!));
        var (card, failure) = await _card.FindAsync(ct);
        if (failure is not null)
        {
            return (null, failure);
        }
        if (card is not null)
        {
            models.Add(card);
        }
        return (models, null);
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
