using System.Text.Json;

namespace Tolk.Customerp.Emulator.Internal;

/// <summary>A checked <c>POST /webhooks</c> body.</summary>
internal sealed record WebhookRequest(Uri Url, IReadOnlyList<string> Events, string Secret)
{
    public static (WebhookRequest? Request, Dictionary<string, List<string>> Errors) Read(JsonElement body)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject().Where(p => p.Name is not ("url" or "events" or "secret")))
        {
            errors[property.Name] = ["is not a field of webhooks"];
        }
        Uri? url = null;
        if (!body.TryGetProperty("url", out var urlValue) || urlValue.ValueKind == JsonValueKind.Null)
        {
            errors["url"] = ["is required"];
        }
        else if (urlValue.ValueKind != JsonValueKind.String || urlValue.GetString()!.Length > CustomerpAssumptions.MaxUrlLength
            || !Uri.TryCreate(urlValue.GetString(), UriKind.Absolute, out url) || url.Scheme is not ("http" or "https"))
        {
            errors["url"] = [$"must be an absolute http or https URL of at most {CustomerpAssumptions.MaxUrlLength} characters"];
        }
        var events = new List<string>();
        if (!body.TryGetProperty("events", out var eventsValue) || eventsValue.ValueKind == JsonValueKind.Null)
        {
            errors["events"] = ["is required"];
        }
        else if (eventsValue.ValueKind != JsonValueKind.Array || eventsValue.GetArrayLength() == 0
            || eventsValue.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            errors["events"] = ["must be a non-empty array of event types or patterns"];
        }
        else
        {
            events.AddRange(eventsValue.EnumerateArray().Select(e => e.GetString()!));
            var bad = events.Where(e => !EventPattern.IsValid(e)).ToList();
            if (bad.Count > 0)
            {
                errors["events"] = bad.Select(e => $"'{e}' is not an event type (customer.updated) or pattern (customer.*, *.deleted, *)").ToList();
            }
        }
        string? secret = null;
        if (!body.TryGetProperty("secret", out var secretValue) || secretValue.ValueKind == JsonValueKind.Null)
        {
            errors["secret"] = ["is required"];
        }
        else if (secretValue.ValueKind != JsonValueKind.String
            || (secret = secretValue.GetString()!).Length is < CustomerpAssumptions.MinSecretLength or > CustomerpAssumptions.MaxSecretLength)
        {
            errors["secret"] = [$"must be a string of {CustomerpAssumptions.MinSecretLength} to {CustomerpAssumptions.MaxSecretLength} characters"];
        }
        return errors.Count == 0 ? (new WebhookRequest(url!, events, secret!), errors) : (null, errors);
    }
}
