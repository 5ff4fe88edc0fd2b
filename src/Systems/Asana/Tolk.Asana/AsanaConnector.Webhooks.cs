using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Asana.Internal;
using Tolk.Connectors;
using Tolk.Connectors.Webhooks;

namespace Tolk.Asana;

/// <summary>
/// Webhooks: one per workspace (changes bubble up to it), filtered to the five datatypes. Secrets come from the
/// X-Hook-Secret handshake and are handed to <see cref="AsanaOptions.SaveWebhookSecret"/> so a restart still verifies.
/// </summary>
public sealed partial class AsanaConnector
{
    private const string SecretHeader = "X-Hook-Secret";
    private const string SignatureHeader = "X-Hook-Signature";
    private readonly WebhookSecrets _secrets;
    private readonly SemaphoreSlim _registering = new(1, 1);

    /// <inheritdoc />
    public async Task<Failure?> RegisterWebhooksAsync(Uri callbackUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        await _registering.WaitAsync(cancellationToken);
        try
        {
            var (workspaces, failure) = await _lister.ListAllAsync(["workspaces"], "name", cancellationToken);
            foreach (var workspace in failure is null ? workspaces.Select(w => (string?)w?["gid"]).OfType<string>() : [])
            {
                failure = await EnsureWebhookAsync(workspace, callbackUrl, cancellationToken);
                if (failure is not null)
                {
                    break;
                }
            }
            return failure;
        }
        finally
        {
            _registering.Release();
        }
    }

    /// <inheritdoc />
    public WebhookVerdict Receive(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Header(request, SecretHeader) is { } secret)
        {
            return _secrets.Catch(request.CallbackUrl, secret)
                ? new WebhookVerdict(200, new Dictionary<string, string> { [SecretHeader] = secret }, [], null)
                : Refuse("a handshake arrived while no webhook registration was waiting for one");
        }
        if (Header(request, SignatureHeader) is not { } signature)
        {
            return Refuse("the delivery has no X-Hook-Signature");
        }
        if (!_secrets.Verifies(signature, request.Body))
        {
            return Refuse("the X-Hook-Signature matches no webhook of this connector");
        }
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(request.Body);
        }
        catch (JsonException)
        {
            return Refuse("the delivery is not JSON", 400);
        }
        if (body?["events"] is not JsonArray events)
        {
            return Refuse("the delivery has no events list", 400);
        }
        // Heartbeats carry no events: accepted, nothing to read.
        var hints = events
            .Select(e => (Type: AsanaDatatype.OfResource((string?)e?["resource"]?["resource_type"]), Gid: (string?)e?["resource"]?["gid"]))
            .Where(h => h.Type is not null && h.Gid is not null)
            .Select(h => new ChangeHint(h.Type!.Name, h.Gid))
            .Distinct()
            .ToList();
        return WebhookVerdict.Accept(hints);
    }

    private async Task<Failure?> EnsureWebhookAsync(string workspace, Uri callbackUrl, CancellationToken cancellationToken)
    {
        var listed = await _api.SendAsync(HttpMethod.Get,
            $"webhooks?workspace={workspace}&resource={workspace}&limit=100&opt_fields=target,active,resource", null, cancellationToken);
        if (!listed.Ok)
        {
            return AsanaFailures.From(listed, _api.Guard);
        }
        var kept = false;
        var hooks = (listed.Data as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var hook in hooks.Where(h => WebhookTargets.IsEarlierCallback((string?)h["target"], callbackUrl)))
        {
            // An earlier run's, on the server's old port: it can only fail now.
            var gid = (string)hook["gid"]!;
            await _api.SendAsync(HttpMethod.Delete, $"webhooks/{gid}", null, cancellationToken);
            _secrets.Remove(gid);
        }
        foreach (var hook in hooks.Where(h => (string?)h["target"] == callbackUrl.AbsoluteUri))
        {
            var gid = (string)hook["gid"]!;
            if (!kept && hook["active"] is JsonValue a && a.TryGetValue<bool>(out var active) && active && _secrets.Knows(gid))
            {
                kept = true;
                continue;
            }
            // A webhook whose secret is lost cannot be verified, and a second one would deliver everything twice.
            await _api.SendAsync(HttpMethod.Delete, $"webhooks/{gid}", null, cancellationToken);
            _secrets.Remove(gid);
        }
        return kept ? null : await CreateWebhookAsync(workspace, callbackUrl, cancellationToken);
    }

    private async Task<Failure?> CreateWebhookAsync(string workspace, Uri callbackUrl, CancellationToken cancellationToken)
    {
        var filters = new JsonArray(AsanaDatatype.All.Select(d => (JsonNode)new JsonObject { ["resource_type"] = d.ResourceType }).ToArray());
        _secrets.Expect(callbackUrl);
        var created = await _api.SendAsync(HttpMethod.Post, "webhooks",
            new JsonObject { ["resource"] = workspace, ["target"] = callbackUrl.AbsoluteUri, ["filters"] = filters }, cancellationToken);
        var secret = _secrets.Take();
        if (!created.Ok)
        {
            return AsanaFailures.From(created, _api.Guard);
        }
        if ((string?)created.Data?["gid"] is not { } gid || secret is null)
        {
            return new Failure(FailureKind.Unavailable, $"asana created a webhook on workspace {workspace} but its handshake secret never reached Receive");
        }
        _secrets.Add(gid, secret);
        if (_options.SaveWebhookSecret is { } save)
        {
            await save(gid, secret, cancellationToken);
        }
        Log.Webhook(_logger, gid, workspace);
        return null;
    }

    private WebhookVerdict Refuse(string reason, int status = 401)
    {
        Log.Rejected(_logger, reason);
        return WebhookVerdict.Reject(reason, status);
    }

    private static string? Header(WebhookRequest request, string name) =>
        request.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value ? value : null;
}
