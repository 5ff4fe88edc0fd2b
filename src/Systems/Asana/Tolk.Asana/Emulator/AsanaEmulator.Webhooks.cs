using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;
using Tolk.Emulation.Webhooks;

namespace Tolk.Asana.Emulator;

/// <summary>
/// Webhooks: <c>POST /webhooks</c> performs the X-Hook-Secret handshake with the target during the request; events
/// are delivered as <c>{"events":[...]}</c> signed with X-Hook-Signature; a delivery that gets no 2xx is retried with
/// backoff for up to 24 hours, after which Asana deletes the webhook.
/// </summary>
public sealed partial class AsanaEmulator
{
    private const string Unreachable = "The remote server which is intended to receive the webhook could not be reached.";
    private const string NoSecret = "The remote server which is intended to receive the webhook did not respond with the handshake secret.";
    private static readonly HashSet<string> WebhookFields = new(StringComparer.Ordinal) { "resource", "target", "filters" };
    private readonly ConcurrentDictionary<string, (string Secret, string Owner)> _hookSecrets = new(StringComparer.Ordinal);

    private IEnumerable<ApiRoute> WebhookRoutes() =>
    [
        new("POST", "/webhooks", CreateWebhookAsync),
        ApiRoute.Sync("GET", "/webhooks", request =>
        {
            if (request.Param("workspace") is not { } workspace)
            {
                return AsanaErrors.Missing("workspace");
            }
            if (Referenced("workspace", ResourceTypes.Workspace, workspace).Error is { } error)
            {
                return error;
            }
            var resource = request.Param("resource");
            return List(request, Webhooks.Where(w =>
                _hookSecrets.TryGetValue((string)w["gid"]!, out var s) && s.Owner == request.UserGid
                && (resource is null || (string?)w["resource"]?["gid"] == resource)));
        }),
        ApiRoute.Sync("GET", "/webhooks/{gid}", request =>
        {
            var (webhook, error) = Load(ResourceTypes.Webhook, request.Gid);
            return webhook is null ? error! : Full(WithDeliveryState(webhook), request);
        }),
        ApiRoute.Sync("DELETE", "/webhooks/{gid}", request =>
        {
            var (webhook, error) = Load(ResourceTypes.Webhook, request.Gid);
            if (webhook is null)
            {
                return error!;
            }
            DeleteWebhook(request.Gid);
            return ApiResult.Empty();
        }),
    ];

    private async Task<ApiResult> CreateWebhookAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var data = request.Data ?? [];
        var resourceGid = Input.Gid(data, "resource");
        var target = Input.Text(data, "target", 2048);
        var (filters, badFilters) = WebhookFilters.Parse(data);
        var error = Input.Disallowed(data, WebhookFields, WebhookFields) ?? resourceGid.Error ?? target.Error ?? badFilters
            ?? (!resourceGid.Present ? AsanaErrors.Missing("resource") : null) ?? (!target.Present ? AsanaErrors.Missing("target") : null);
        if (error is not null)
        {
            return error;
        }
        var (resource, unknown) = FindResource("resource", resourceGid.Value!);
        if (resource is null)
        {
            return unknown!;
        }
        if (!Uri.TryCreate(target.Value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return AsanaErrors.Bad($"target: Invalid URL: {target.Value}");
        }
        var gid = _gids.Next(ResourceTypes.Webhook);
        var secret = Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("webhook:" + gid)));
        if (await HandshakeAsync(url, secret, cancellationToken) is { } refused)
        {
            return AsanaErrors.Bad(refused);
        }
        var webhook = new JsonObject
        {
            ["gid"] = gid,
            ["resource_type"] = ResourceTypes.Webhook,
            ["active"] = true,
            ["resource"] = new JsonObject { ["gid"] = resource["gid"]!.DeepClone(), ["resource_type"] = resource["resource_type"]!.DeepClone(), ["name"] = resource["name"]?.DeepClone() },
            ["target"] = url.ToString(),
            ["created_at"] = Now(),
            ["last_failure_at"] = null,
            ["last_failure_content"] = "",
            ["last_success_at"] = null,
            ["delivery_retry_count"] = 0,
            ["next_attempt_after"] = null,
            ["failure_deletion_timestamp"] = null,
            ["filters"] = filters,
        };
        _hookSecrets[gid] = (secret, request.UserGid);
        Webhooks.Put(gid, webhook, ChangeOrigin.Api);
        return CreatedResult(webhook, request, "webhooks");
    }

    private async Task<string?> HandshakeAsync(Uri target, string secret, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(WebhookTimeout);
        using var handshake = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent([]) };
        handshake.Headers.TryAddWithoutValidation("X-Hook-Secret", secret);
        try
        {
            using var response = await Context.Webhooks.Http.SendAsync(handshake, timeout.Token);
            var status = (int)response.StatusCode;
            if (status is not (200 or 204))
            {
                return $"The remote server which is intended to receive the webhook responded with an incorrect status code: {status}";
            }
            return response.Headers.TryGetValues("X-Hook-Secret", out var echoed) && echoed.FirstOrDefault() == secret ? null : NoSecret;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return Unreachable;
        }
    }

    // The dispatcher reports a delivery only when its retries end; the attempts so far say how the webhook fares meanwhile.
    private JsonObject WithDeliveryState(JsonObject webhook)
    {
        var gid = (string)webhook["gid"]!;
        var attempts = Context.Webhooks.Recent.Where(a => a.Subscription == gid && a.Attempt > 0).ToList();
        if (attempts.LastOrDefault(a => !a.Succeeded) is { } failure)
        {
            webhook["last_failure_at"] = Stamp(failure.At);
            webhook["last_failure_content"] = failure.Status is { } status ? $"Received HTTP status {status} from the target" : failure.Error;
        }
        if (attempts.LastOrDefault(a => a.Succeeded) is { } success)
        {
            webhook["last_success_at"] = Stamp(success.At);
        }
        webhook["delivery_retry_count"] = attempts.Count == 0 || attempts[^1].Succeeded ? 0 : attempts[^1].Attempt;
        return webhook;
    }

    private void DeleteWebhook(string gid)
    {
        Webhooks.Remove(gid, ChangeOrigin.Api);
        _hookSecrets.TryRemove(gid, out _);
    }
}
