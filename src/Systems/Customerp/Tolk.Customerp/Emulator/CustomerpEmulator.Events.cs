using System.Text.Json.Nodes;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Emulation.Data;
using Tolk.Emulation.Webhooks;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    private long _nextEventId;

    /// <summary>Sends one event to every active webhook whose patterns match its type, each signed with its own secret.</summary>
    private void Publish(string type, JsonObject record, DateTimeOffset at)
    {
        var retry = new WebhookRetryPolicy(_settings.WebhookMaxAttempts,
            WebhookRetryPolicy.Exponential(TimeSpan.FromSeconds(_settings.WebhookFirstRetrySeconds), TimeSpan.FromHours(1)),
            TimeSpan.FromSeconds(_settings.WebhookTimeoutSeconds));
        foreach (var hook in _webhooks.All())
        {
            var id = (int)hook["id"]!;
            if (hook["active"]?.GetValue<bool>() != true || !_secrets.TryGetValue(id, out var secret)
                || !hook["events"]!.AsArray().Any(p => EventPattern.Matches((string)p!, type)))
            {
                continue;
            }
            var body = EventBody(type, (JsonObject)record.DeepClone(), at);
            var headers = new Dictionary<string, string> { [WebhookSignature.Header] = WebhookSignature.Sign(secret, body) };
            Context.Webhooks.Enqueue(new WebhookDelivery(Key(id), new Uri((string)hook["url"]!), body, headers, retry,
                attempt => OnDeliveryFinished(id, attempt)));
        }
    }

    /// <summary>After the last attempt: a 410 Gone deletes the webhook; any other failure deactivates it.</summary>
    private void OnDeliveryFinished(int id, WebhookAttempt last)
    {
        if (last.Succeeded)
        {
            return;
        }
        lock (_sync)
        {
            if (last.Status == 410)
            {
                RemoveWebhook(id);
                return;
            }
            if (_webhooks.Get(Key(id)) is { } hook && hook["active"]?.GetValue<bool>() == true)
            {
                hook["active"] = false;
                hook["updated_at"] = Rfc3339.Format(Context.Time.GetUtcNow());
                _webhooks.Put(Key(id), hook, ChangeOrigin.Api);
            }
        }
    }
}
