using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;
using Tolk.Emulation.Webhooks;

namespace Tolk.Asana.Emulator;

/// <summary>Sending events and heartbeats to webhooks, signed, with Asana's retries and its deletion after a day of failure.</summary>
public sealed partial class AsanaEmulator
{
    private ITimer? _heartbeat;
    private int _generation;
    private TimeSpan? _heartbeatInterval;

    /// <summary>How long a receiver has to answer the handshake or a delivery.</summary>
    internal TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long failed deliveries are retried before the webhook is deleted.</summary>
    internal TimeSpan WebhookRetryWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often heartbeats go out to every webhook; null for never.</summary>
    internal TimeSpan? HeartbeatInterval
    {
        get => _heartbeatInterval;
        set
        {
            _heartbeatInterval = value;
            _heartbeat?.Dispose();
            _heartbeat = value is { } every ? Context.Time.CreateTimer(_ => Heartbeat(), null, every, every) : null;
        }
    }

    /// <summary>Asana's backoff: from a minute, doubling to an hour, for as long as the retry window lasts.</summary>
    internal WebhookRetryPolicy RetryPolicy()
    {
        var backoff = WebhookRetryPolicy.Exponential(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        var attempts = 1;
        for (var waited = TimeSpan.Zero; waited < WebhookRetryWindow; attempts++)
        {
            waited += backoff(attempts);
        }
        return new WebhookRetryPolicy(attempts, backoff, WebhookTimeout);
    }

    private void Deliver(IReadOnlyList<(LoggedEvent Logged, JsonObject Hook)> logged)
    {
        foreach (var webhook in Webhooks.Where(w => w["active"]?.GetValue<bool>() == true))
        {
            var resource = (string?)webhook["resource"]?["gid"];
            var events = logged
                .Where(e => resource is not null && e.Logged.Scopes.Contains(resource) && WebhookFilters.Matches(webhook["filters"] as JsonArray, e.Hook))
                .Select(e => (JsonNode)e.Hook.DeepClone())
                .ToArray();
            if (events.Length > 0)
            {
                Send(webhook, new JsonObject { ["events"] = new JsonArray(events) });
            }
        }
    }

    private void Heartbeat()
    {
        foreach (var webhook in Webhooks.Where(w => w["active"]?.GetValue<bool>() == true))
        {
            Send(webhook, new JsonObject { ["events"] = new JsonArray() });
        }
    }

    private void Send(JsonObject webhook, JsonObject payload)
    {
        var gid = (string)webhook["gid"]!;
        if (!_hookSecrets.TryGetValue(gid, out var hook) || !Uri.TryCreate((string?)webhook["target"], UriKind.Absolute, out var target))
        {
            return;
        }
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString(Compact));
        var generation = Volatile.Read(ref _generation);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(hook.Secret), body));
        Context.Webhooks.Enqueue(new WebhookDelivery(gid, target, body,
            new Dictionary<string, string> { ["X-Hook-Signature"] = signature }, RetryPolicy(), attempt => Finished(gid, generation, attempt)));
    }

    private void Finished(string gid, int generation, WebhookAttempt attempt)
    {
        // A delivery still retrying from before a reset must not touch a webhook that now has its gid.
        if (generation != Volatile.Read(ref _generation) || Webhooks.Get(gid) is not { } webhook)
        {
            return;
        }
        if (attempt.Succeeded)
        {
            webhook["last_success_at"] = Stamp(attempt.At);
            webhook["delivery_retry_count"] = 0;
            Webhooks.Put(gid, webhook, ChangeOrigin.Api);
            return;
        }
        // The retries are exhausted: Asana gives up on the target and deletes the webhook.
        DeleteWebhook(gid);
    }
}
