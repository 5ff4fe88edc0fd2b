using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tolk.Emulation.Data;
using Tolk.Emulation.Webhooks;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    /// <summary>The header Trello signs deliveries with.</summary>
    public const string SignatureHeader = "X-Trello-Webhook";

    // Webhooks are driven from one place: every new action is offered to every active webhook on a model it concerns.
    private void OnChanged(RecordChange change)
    {
        if (change.Collection == "members")
        {
            RememberCreator(change);
            return;
        }
        if (change.Collection != "actions" || change.Kind != ChangeKind.Created || change.After is null || Webhooks.Count == 0)
        {
            return;
        }
        var models = ModelsOf(change.After).ToHashSet(StringComparer.Ordinal);
        foreach (var hook in Webhooks.Where(w => w["active"]?.GetValue<bool>() == true && models.Contains(Str(w, "idModel"))))
        {
            if (ModelJson(Str(hook, "idModel")) is { } model)
            {
                Deliver(hook, ActionView((JsonObject)change.After.DeepClone()), model);
            }
        }
    }

    private void Deliver(JsonObject hook, JsonObject action, JsonObject model)
    {
        var callback = Str(hook, "callbackURL");
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["action"] = action, ["model"] = model }.ToJsonString(TrelloResponse.JsonOptions));
        var headers = new Dictionary<string, string> { [SignatureHeader] = Sign(body, callback) };
        var hookId = Str(hook, "id");
        var retry = new WebhookRetryPolicy(Settings.WebhookRetries + 1,
            WebhookRetryPolicy.Exponential(TimeSpan.FromSeconds(Settings.WebhookRetryBaseSeconds), TimeSpan.FromSeconds(Settings.WebhookRetryBaseSeconds * 4)),
            TimeSpan.FromSeconds(Settings.WebhookTimeoutSeconds));
        Context.Webhooks.Enqueue(new WebhookDelivery(hookId, new Uri(callback), body, headers, retry, OnAttempt: attempt => Attempted(hookId, attempt)));
    }

    /// <summary>Trello's signature: base64 of HMAC-SHA1 keyed with the app secret over the raw body followed by the callback URL.</summary>
    public static string Sign(byte[] body, string callbackUrl)
    {
        var content = body.Concat(Encoding.UTF8.GetBytes(callbackUrl)).ToArray();
#pragma warning disable CA5350 // Trello signs with HMAC-SHA1; a faithful emulator must too.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(AppSecret), content));
#pragma warning restore CA5350
    }

    // Every attempt counts: 410 Gone deletes the webhook, a failure counts up (switching it off after long enough), a
    // success clears the count.
    private void Attempted(string hookId, WebhookAttempt last)
    {
        lock (_write)
        {
            if (Webhooks.Get(hookId) is not { } hook)
            {
                return;
            }
            if (last.Status == 410)
            {
                Webhooks.Remove(hookId, ChangeOrigin.Api);
                _webhookTokens.TryRemove(hookId, out _);
                return;
            }
            if (last.Succeeded)
            {
                if (hook["consecutiveFailures"]?.GetValue<int>() is not 0)
                {
                    hook["consecutiveFailures"] = 0;
                    hook["firstConsecutiveFailDate"] = null;
                    Webhooks.Put(hookId, hook, ChangeOrigin.Api);
                }
                return;
            }
            var failures = (hook["consecutiveFailures"]?.GetValue<int>() ?? 0) + 1;
            hook["consecutiveFailures"] = failures;
            var first = (string?)hook["firstConsecutiveFailDate"] is { } f ? DateTimeOffset.Parse(f, System.Globalization.CultureInfo.InvariantCulture) : last.At;
            hook["firstConsecutiveFailDate"] = Iso(first);
            if (failures >= Settings.DisableAfterFailures && last.At - first >= TimeSpan.FromDays(Settings.DisableAfterDays))
            {
                hook["active"] = false;
            }
            Webhooks.Put(hookId, hook, ChangeOrigin.Api);
        }
    }
}
