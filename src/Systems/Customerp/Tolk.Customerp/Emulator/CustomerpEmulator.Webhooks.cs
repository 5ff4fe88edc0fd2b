using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Customerp.Emulator.Internal.Dto;
using Tolk.Emulation.Data;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    private readonly RecordTable _webhooks;
    // Secrets are never returned by the API, so they live beside the stored registrations rather than in them.
    private readonly ConcurrentDictionary<int, string> _secrets = new();
    private int _nextWebhookId;

    private void MapWebhooks(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/webhooks").WithTags("webhooks");
        group.MapGet("", () => ApiResult.Json(200, new JsonObject
            {
                ["items"] = new JsonArray(_webhooks.All().Select(w => (JsonNode?)w).ToArray()),
                ["next_cursor"] = null,
            }))
            .WithName("listWebhooks").WithSummary("List webhook registrations")
            .Produces<Page<Webhook>>(200).ProducesProblems(401, 429);
        group.MapPost("", (Func<HttpContext, Task<ApiResult>>)RegisterWebhookAsync)
            .WithName("createWebhook").WithSummary("Register a webhook")
            .WithDescription("Before answering, Customerp POSTs a signed webhook.ping event to the URL; unless it answers 2xx the registration fails with 400 (errors.url).")
            .Accepts<WebhookCreate>(RequestBody.Json).Produces<Webhook>(201).ProducesProblems(400, 401, 413, 415, 429);
        group.MapGet("/{id}", (string id) => ParseId(id) is { } n && _webhooks.Get(Key(n)) is { } hook
                ? ApiResult.Json(200, hook)
                : ApiResult.Of(Problem.Of(404, $"There is no webhook with id '{id}'.")))
            .WithName("getWebhook").WithSummary("Get a webhook registration")
            .Produces<Webhook>(200).ProducesProblems(401, 404, 429);
        group.MapDelete("/{id}", (string id) => ParseId(id) is { } n && RemoveWebhook(n)
                ? ApiResult.NoContent()
                : ApiResult.Of(Problem.Of(404, $"There is no webhook with id '{id}'.")))
            .WithName("deleteWebhook").WithSummary("Delete a webhook registration")
            .Produces(204).ProducesProblems(401, 404, 429);
    }

    private async Task<ApiResult> RegisterWebhookAsync(HttpContext http)
    {
        var (bytes, problem) = await RequestBody.ReadAsync(http.Request, mergePatch: false);
        var (body, parseProblem) = problem is null ? RequestBody.Parse(bytes!) : (default, problem);
        if (parseProblem is not null)
        {
            return ApiResult.Of(parseProblem);
        }
        var (registration, errors) = WebhookRequest.Read(body);
        if (registration is null)
        {
            return ApiResult.Of(Problem.Invalid(errors));
        }
        var id = Interlocked.Increment(ref _nextWebhookId);
        if (_settings.WebhookVerify && await PingAsync(id, registration) is { } failure)
        {
            return ApiResult.Of(Problem.Field("url", failure));
        }
        var stamp = Rfc3339.Format(Context.Time.GetUtcNow());
        var hook = new JsonObject
        {
            ["id"] = id,
            ["url"] = registration.Url.ToString(),
            ["events"] = new JsonArray(registration.Events.Select(e => (JsonNode?)e).ToArray()),
            ["active"] = true,
            ["created_at"] = stamp,
            ["updated_at"] = stamp,
        };
        _secrets[id] = registration.Secret;
        _webhooks.Put(Key(id), hook, ChangeOrigin.Api);
        var location = UriHelper.BuildAbsolute(http.Request.Scheme, http.Request.Host, path: $"{ApiPrefix}/webhooks/{Key(id)}");
        return ApiResult.Json(201, hook, new KeyValuePair<string, string>("Location", location));
    }

    /// <summary>The registration handshake: a signed <c>webhook.ping</c> that must be answered 2xx in time.</summary>
    private async Task<string?> PingAsync(int id, WebhookRequest registration)
    {
        var body = EventBody("webhook.ping", new JsonObject { ["webhook_id"] = id, ["url"] = registration.Url.ToString() }, Context.Time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, registration.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(RequestBody.Json);
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(registration.Secret, body));
        // A network timeout, not an emulated one: the receiver is a real server even when the clock is fake.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_settings.WebhookTimeoutSeconds));
        try
        {
            using var response = await Context.Webhooks.Http.SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"answered the webhook.ping with {(int)response.StatusCode}, not 2xx";
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return $"could not be reached for the webhook.ping: {e.Message}";
        }
    }

    private bool RemoveWebhook(int id)
    {
        _secrets.TryRemove(id, out _);
        return _webhooks.Remove(Key(id), ChangeOrigin.Api);
    }

    private byte[] EventBody(string type, JsonObject data, DateTimeOffset at) => ApiResult.Serialize(new JsonObject
    {
        ["id"] = $"evt_{Interlocked.Increment(ref _nextEventId)}",
        ["type"] = type,
        ["occurred_at"] = Rfc3339.Format(at),
        ["data"] = data,
    });
}
