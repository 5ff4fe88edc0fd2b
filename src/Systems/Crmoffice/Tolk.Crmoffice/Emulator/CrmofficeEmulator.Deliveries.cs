using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Crmoffice.Emulator.Internal;
using Tolk.Emulation.Data;
using Tolk.Emulation.Webhooks;

namespace Tolk.Crmoffice.Emulator;

public sealed partial class CrmofficeEmulator
{
    // Bumped on reset: deliveries of an earlier generation may still be retrying and must not touch new registrations.
    private int _generation;

    // Every change to a subscribable collection, by the API or by a person, goes to each active registration for it.
    private void OnChanged(RecordChange change)
    {
        if (!CrmSchemas.WebhookEvents.Contains(change.Collection))
        {
            return;
        }
        var hooks = _records.Table(WebhooksCollection).Where(h =>
            h["isActive"]?.GetValue<bool>() == true && h["events"] is JsonArray events && events.Any(e => (string?)e == change.Collection));
        if (hooks.Count == 0)
        {
            return;
        }
        var kind = change.Kind switch { ChangeKind.Created => "created", ChangeKind.Updated => "updated", _ => "deleted" };
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
            new JsonObject { ["event"] = $"{change.Collection}.{kind}", ["id"] = change.Id, ["timestamp"] = CrmTime.Format(change.At) }, CrmJson.Options));
        var generation = Volatile.Read(ref _generation);
        foreach (var hook in hooks)
        {
            var id = (string)hook["id"]!;
            Context.Webhooks.Enqueue(new WebhookDelivery(id, new Uri((string)hook["url"]!), body,
                new SigningHeaders(body, (string)hook["secret"]!, Context.Time), RetryPolicy(),
                attempt => OnDeliveryFinished(id, generation, attempt)));
        }
    }

    // A delivery that failed every attempt disables its registration; the client must delete it and register again.
    private void OnDeliveryFinished(string id, int generation, WebhookAttempt last)
    {
        if (last.Succeeded || generation != Volatile.Read(ref _generation))
        {
            return;
        }
        var table = _records.Table(WebhooksCollection);
        if (table.Get(id) is { } hook && hook["isActive"]?.GetValue<bool>() == true)
        {
            hook["isActive"] = false;
            table.Put(id, hook, ChangeOrigin.Api);
        }
    }
}
