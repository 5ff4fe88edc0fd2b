using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tolk.Asana.Emulator.Internal;

namespace Tolk.Asana.Emulator;

/// <summary>
/// <c>POST /batch</c>: 1 to 10 actions dispatched to the same handlers as their own requests, answered 200 with one
/// <c>{status_code, headers, body}</c> per action in order. Each action counts against the limits, and the whole
/// batch is refused with 429 when any action would exceed one.
/// </summary>
public sealed partial class AsanaEmulator
{
    private static readonly string[] BatchMethods = ["get", "post", "put", "delete", "patch", "head"];
    private static readonly HashSet<string> BatchFields = new(StringComparer.Ordinal) { "actions" };

    /// <summary>One parsed action: the request it stands for, or the error it answers with.</summary>
    private sealed record BatchAction(string Method, ApiRequest? Request, ApiRoute? Route, ApiResult? Error);

    private async Task BatchAsync(HttpContext context)
    {
        var token = (string)context.Items[TokenKey]!;
        ApiResult result;
        IReadOnlyList<IDisposable> leases = [];
        try
        {
            var outer = await ReadRequestAsync(context);
            _actor.Value = outer.UserGid;
            var (actions, error) = outer.BodyError is { } bad ? ([], bad) : ParseBatch(outer);
            if (error is not null)
            {
                result = error;
            }
            else
            {
                (var allowed, var retryAfter, leases) = _limits.TryAcquire(token, actions.Select(a => a.Method).ToList());
                result = allowed ? await RunBatchAsync(actions, context.RequestAborted) : AsanaErrors.RateLimited(retryAfter);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = AsanaErrors.ServerError(_phrases.Next());
        }
        finally
        {
            foreach (var lease in leases)
            {
                lease.Dispose();
            }
        }
        await WriteAsync(context, result);
    }

    private async Task<ApiResult> RunBatchAsync(IReadOnlyList<BatchAction> actions, CancellationToken cancellationToken)
    {
        var results = new JsonArray();
        foreach (var action in actions)
        {
            var answer = action.Error ?? await action.Route!.Handler(action.Request!, cancellationToken);
            var headers = new JsonObject();
            if (answer.Headers?.GetValueOrDefault("Location") is { } location)
            {
                headers["location"] = location[(location.IndexOf(ApiPrefix, StringComparison.Ordinal) + ApiPrefix.Length)..];
            }
            results.Add(new JsonObject { ["status_code"] = answer.Status, ["headers"] = headers, ["body"] = answer.Body.DeepClone() });
        }
        return ApiResult.Ok(results);
    }

    private (IReadOnlyList<BatchAction> Actions, ApiResult? Error) ParseBatch(ApiRequest outer)
    {
        if (outer.Data is { } data && Input.Disallowed(data, BatchFields, BatchFields) is { } disallowed)
        {
            return ([], disallowed);
        }
        if (outer.Data?["actions"] is not { } node)
        {
            return ([], AsanaErrors.Missing("actions"));
        }
        if (node is not JsonArray list)
        {
            return ([], AsanaErrors.Bad($"actions: Value is not an array: {Input.Show(node)}"));
        }
        if (list.Count == 0)
        {
            return ([], AsanaErrors.Bad("actions: At least one action is required"));
        }
        if (list.Count > 10)
        {
            return ([], AsanaErrors.Bad($"actions: Too many actions: {list.Count}. The maximum is 10"));
        }
        return (list.Select(item => ParseAction(outer, item)).ToList(), null);
    }

    private BatchAction ParseAction(ApiRequest outer, JsonNode? node)
    {
        if (node is not JsonObject action)
        {
            return new BatchAction("GET", null, null, AsanaErrors.Bad($"action: Value is not a JSON object: {Input.Show(node)}"));
        }
        var method = Input.Enum(action, "method", BatchMethods.Concat(BatchMethods.Select(m => m.ToUpperInvariant())).ToArray());
        var path = Input.Text(action, "relative_path", 2048);
        var upper = method.Value?.ToUpperInvariant() ?? "GET";
        var error = method.Error ?? path.Error
            ?? (!method.Present ? AsanaErrors.Missing("method") : null) ?? (!path.Present ? AsanaErrors.Missing("relative_path") : null)
            ?? (path.Value!.Contains('?', StringComparison.Ordinal) ? AsanaErrors.Bad("relative_path: Query parameters are not accepted here; put them in data") : null)
            ?? (action["data"] is { } d && d is not JsonObject ? AsanaErrors.Bad($"data: Value is not a JSON object: {Input.Show(d)}") : null)
            ?? (action["options"] is { } o && o is not JsonObject ? AsanaErrors.Bad($"options: Value is not a JSON object: {Input.Show(o)}") : null);
        if (error is not null)
        {
            return new BatchAction(upper, null, null, error);
        }
        var relative = "/" + path.Value!.TrimStart('/');
        foreach (var route in Routes)
        {
            if (route.Match(upper, relative) is { } values)
            {
                return new BatchAction(upper, ActionRequest(outer, upper, relative, values, action), route, null);
            }
        }
        return new BatchAction(upper, null, null, AsanaErrors.Error(404, AsanaErrors.NoRoute));
    }

    private static ApiRequest ActionRequest(ApiRequest outer, string method, string path, Dictionary<string, string> route, JsonObject action)
    {
        var data = action["data"] as JsonObject;
        var options = action["options"] as JsonObject;
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (method == "GET" && data is not null)
        {
            foreach (var (key, value) in data)
            {
                query[key] = value switch
                {
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                    JsonArray array => string.Join(",", array.Select(a => a is JsonValue av && av.GetValueKind() == JsonValueKind.String ? av.GetValue<string>() : a?.ToJsonString())),
                    _ => value?.ToJsonString() ?? "",
                };
            }
        }
        foreach (var key in new[] { "limit", "offset" })
        {
            if (options?[key] is JsonValue value)
            {
                query[key] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            }
        }
        var fields = FieldSelection.Parse(BodyParser.OptionFields(options));
        return new ApiRequest(method, path, route, query, method == "GET" ? null : (JsonObject?)data?.DeepClone(), fields, null, outer.UserGid, outer.BaseUri);
    }
}
