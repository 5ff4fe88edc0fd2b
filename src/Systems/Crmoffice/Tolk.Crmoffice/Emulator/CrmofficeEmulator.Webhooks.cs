using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tolk.Crmoffice.Emulator.Internal;
using Tolk.Crmoffice.Emulator.Internal.Dto;
using Tolk.Emulation.Data;

namespace Tolk.Crmoffice.Emulator;

public sealed partial class CrmofficeEmulator
{
    private void MapWebhooksApi(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/webhooks").WithTags("Webhooks");
        group.MapPost("", Task<IResult> (HttpContext context) => RegisterWebhookAsync(context))
            .WithName("CreateWebhook")
            .WithSummary("Registers a URL for signed deliveries of changes to the given collections.")
            .Accepts<WebhookInput>("application/json").Produces<Webhook>(201).ProducesErrors(400);
        group.MapGet("/{id}", (string id) => _records.Table(WebhooksCollection).Get(id) is { } hook
                ? Ok(Public(hook))
                : WebhookNotFound(id))
            .WithName("GetWebhook").WithSummary("Gets a webhook registration.").Produces<Webhook>(200).ProducesErrors(404);
        group.MapDelete("/{id}", (string id) => _records.Table(WebhooksCollection).Remove(id, ChangeOrigin.Api)
                ? Results.NoContent()
                : WebhookNotFound(id))
            .WithName("DeleteWebhook").WithSummary("Deletes a webhook registration.").Produces(204).ProducesErrors(404);
    }

    private async Task<IResult> RegisterWebhookAsync(HttpContext context)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(context.Request);
        if (body is null)
        {
            return error!.ToResult();
        }
        var errors = new List<CrmErrorDetail>();
        var url = WebhookUrl(body, errors);
        var events = WebhookEvents(body, errors);
        var secret = WebhookSecret(body, errors);
        errors.AddRange(body.Select(p => p.Key).Where(k => k is not ("url" or "events" or "secret"))
            .Select(k => new CrmErrorDetail(k, "is not a field of webhooks")));
        if (errors.Count > 0)
        {
            return CrmError.Validation(errors).ToResult();
        }
        JsonObject hook;
        bool created;
        lock (_records.Gate)
        {
            var table = _records.Table(WebhooksCollection);
            // One registration per URL (CrmofficeAssumptions.OneWebhookPerUrl): registering it again replaces the first.
            var existing = table.Where(h => (string?)h["url"] == url!.ToString()) is [var first, ..] ? first : null;
            var id = (string?)existing?["id"] ?? _records.NextId(CrmofficeAssumptions.WebhookIdPrefix);
            hook = new JsonObject
            {
                ["id"] = id,
                ["url"] = url!.ToString(),
                ["events"] = new JsonArray([.. events!.Select(e => (JsonNode)e)]),
                ["isActive"] = true,
                ["createdAt"] = existing?["createdAt"]?.DeepClone() ?? CrmTime.Format(Context.Time.GetUtcNow()),
                ["secret"] = secret,
            };
            table.Put(id, hook, ChangeOrigin.Api);
            created = existing is null;
        }
        context.Response.Headers.Location = "/webhooks/" + (string)hook["id"]!;
        return Ok(Public(hook), created ? 201 : 200);
    }

    private static Uri? WebhookUrl(JsonObject body, List<CrmErrorDetail> errors)
    {
        if (body["url"] is JsonValue v && v.GetValueKind() == JsonValueKind.String
            && Uri.TryCreate(v.GetValue<string>(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.OriginalString.Length <= CrmofficeAssumptions.MaxUrlLength)
        {
            return uri;
        }
        errors.Add(new("url", body.ContainsKey("url") ? "must be an absolute http or https URL" : "is required"));
        return null;
    }

    private static List<string>? WebhookEvents(JsonObject body, List<CrmErrorDetail> errors)
    {
        if (body["events"] is not JsonArray array || array.Count == 0)
        {
            errors.Add(new("events", body.ContainsKey("events")
                ? "must be a non-empty array of " + string.Join(", ", CrmSchemas.WebhookEvents)
                : "is required"));
            return null;
        }
        var events = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var value = array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            if (value is null || !CrmSchemas.WebhookEvents.Contains(value))
            {
                errors.Add(new($"events[{i}]", "must be one of " + string.Join(", ", CrmSchemas.WebhookEvents)));
            }
            else if (events.Contains(value))
            {
                errors.Add(new($"events[{i}]", $"repeats {value}"));
            }
            else
            {
                events.Add(value);
            }
        }
        return events;
    }

    private static string? WebhookSecret(JsonObject body, List<CrmErrorDetail> errors)
    {
        var secret = body["secret"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (secret is { Length: >= CrmofficeAssumptions.MinSecretLength and <= CrmofficeAssumptions.MaxSecretLength })
        {
            return secret;
        }
        errors.Add(new("secret", body.ContainsKey("secret")
            ? $"must be a string of {CrmofficeAssumptions.MinSecretLength} to {CrmofficeAssumptions.MaxSecretLength} characters"
            : "is required"));
        return null;
    }

    // The secret is write-only: stored (the admin channel shows it), never returned by the API.
    private static JsonObject Public(JsonObject hook)
    {
        var copy = (JsonObject)hook.DeepClone();
        copy.Remove("secret");
        return copy;
    }

    private static IResult WebhookNotFound(string id) => CrmError.NotFound($"No webhook with id {id}.").ToResult();
}
