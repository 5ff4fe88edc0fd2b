using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Tolk.Emulation.Data;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    // Webhooks belong to the token that made them; Trello does not show the token on the webhook itself.
    private readonly ConcurrentDictionary<string, string> _webhookTokens = new(StringComparer.Ordinal);

    private void DefineWebhookRoutes()
    {
        _routes.Add("POST", "/webhooks", c => CreateWebhookAsync(c.Args, c.Caller.Token));
        _routes.Add("POST", "/tokens/{token}/webhooks", c =>
            Tokens.Contains(c.Route("token")) ? CreateWebhookAsync(c.Args, c.Route("token")) : Task.FromResult(TrelloResponse.Error(401, "invalid token")));
        _routes.Get("/tokens/{token}/webhooks", c => Tokens.Contains(c.Route("token"))
            ? TrelloResponse.Ok(new JsonArray(Webhooks.Where(w => _webhookTokens.GetValueOrDefault(Str(w, "id")) == c.Route("token"))
                .Select(w => (JsonNode)w).ToArray()))
            : TrelloResponse.Error(401, "invalid token"));
        _routes.Get("/webhooks/{id}", c => WithWebhook(c, w => TrelloResponse.Ok(w)));
        _routes.Add("PUT", "/webhooks/{id}", c => WithWebhookAsync(c, w => UpdateWebhookAsync(w, c.Args)));
        _routes.Delete("/webhooks/{id}", c => WithWebhook(c, w =>
        {
            Webhooks.Remove(Str(w, "id"), ChangeOrigin.Api);
            _webhookTokens.TryRemove(Str(w, "id"), out _);
            return TrelloResponse.Deleted();
        }));
    }

    private TrelloResponse WithWebhook(TrelloCall call, Func<JsonObject, TrelloResponse> then)
    {
        var (hook, error) = ById(Webhooks, call.Route("id"));
        if (hook is null)
        {
            return error!;
        }
        return _webhookTokens.GetValueOrDefault(Str(hook, "id")) == call.Caller.Token
            ? then(hook)
            : TrelloResponse.Error(401, "webhook does not belong to token");
    }

    private async Task<TrelloResponse> WithWebhookAsync(TrelloCall call, Func<JsonObject, Task<TrelloResponse>> then)
    {
        JsonObject? found = null;
        var check = WithWebhook(call, w =>
        {
            found = w;
            return TrelloResponse.Ok(w);
        });
        return found is null ? check : await then(found);
    }

    private static (Uri? Url, TrelloResponse? Error) CallbackArg(TrelloArgs args, bool required)
    {
        var (text, error) = TextArg(args, "callbackURL", required: required);
        if (error is not null || text is null)
        {
            return (null, error);
        }
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? (url, null)
            : (null, TrelloResponse.Invalid("callbackURL"));
    }

    private (string? IdModel, TrelloResponse? Error) ModelArg(TrelloArgs args, bool required)
    {
        var (text, error) = TextArg(args, "idModel", max: 100, required: required);
        if (error is not null || text is null)
        {
            return (null, error);
        }
        var id = text.ToLowerInvariant();
        return TrelloIds.IsId(id) && ModelJson(id) is not null ? (id, null) : (null, TrelloResponse.Invalid("idModel"));
    }

    // Anything actions apply to can be watched.
    private JsonObject? ModelJson(string id) =>
        Boards.Get(id) ?? Cards.Get(id) ?? Lists.Get(id) ?? Organizations.Get(id) ?? (Members.Get(id) is { } m ? MemberView(m, MeId) : null);

    private async Task<TrelloResponse> CreateWebhookAsync(TrelloArgs args, string token)
    {
        var (url, e1) = CallbackArg(args, required: true);
        var (idModel, e2) = ModelArg(args, required: true);
        var (description, e3) = TextArg(args, "description");
        var (active, e4) = BoolArg(args, "active");
        if ((e1 ?? e2 ?? e3 ?? e4) is { } error)
        {
            return error;
        }
        var callback = args.Raw("callbackURL")!;
        if (Webhooks.Where(w => Str(w, "callbackURL") == callback && Str(w, "idModel") == idModel
                && _webhookTokens.GetValueOrDefault(Str(w, "id")) == token).Count > 0)
        {
            return TrelloResponse.Error(400, "A webhook with that callback, model, and token already exists");
        }
        if (await HandshakeAsync(url!, callback) is { } refused)
        {
            return refused;
        }
        var id = _ids.New(Now);
        var hook = new JsonObject
        {
            ["id"] = id,
            ["description"] = description ?? "",
            ["idModel"] = idModel,
            ["callbackURL"] = callback,
            ["active"] = active ?? true,
            ["consecutiveFailures"] = 0,
            ["firstConsecutiveFailDate"] = null,
        };
        _webhookTokens[id] = token;
        Webhooks.Put(id, hook, ChangeOrigin.Api);
        return TrelloResponse.Ok(hook);
    }

    private async Task<TrelloResponse> UpdateWebhookAsync(JsonObject hook, TrelloArgs args)
    {
        var (url, e1) = CallbackArg(args, required: false);
        var (idModel, e2) = ModelArg(args, required: false);
        var (description, e3) = TextArg(args, "description");
        var (active, e4) = BoolArg(args, "active");
        if ((e1 ?? e2 ?? e3 ?? e4) is { } error)
        {
            return error;
        }
        var callback = args.Raw("callbackURL");
        if (url is not null && callback != Str(hook, "callbackURL") && await HandshakeAsync(url, callback!) is { } refused)
        {
            return refused;
        }
        var id = Str(hook, "id");
        lock (_write)
        {
            if (Webhooks.Get(id) is not { } current)
            {
                return TrelloResponse.NotFound();
            }
            current["callbackURL"] = callback ?? Str(current, "callbackURL");
            current["idModel"] = idModel ?? Str(current, "idModel");
            current["description"] = description ?? Str(current, "description");
            if (active is { } a)
            {
                current["active"] = a;
            }
            Webhooks.Put(id, current, ChangeOrigin.Api);
            return TrelloResponse.Ok(current);
        }
    }

    // Trello sends HEAD to the callback and will not create (or move) a webhook unless it answers 200.
    private async Task<TrelloResponse?> HandshakeAsync(Uri url, string callback)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(Settings.HandshakeTimeoutSeconds));
            using var request = new HttpRequestMessage(HttpMethod.Head, url);
            using var response = await Context.Webhooks.Http.SendAsync(request, timeout.Token);
            return (int)response.StatusCode == 200
                ? null
                : TrelloResponse.Error(400, $"URL ({callback}) did not return 200 status code, got {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return TrelloResponse.Error(400, $"URL ({callback}) did not return 200 status code, got no response");
        }
    }
}
