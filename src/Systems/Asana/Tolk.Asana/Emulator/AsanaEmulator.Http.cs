using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tolk.Asana.Emulator.Internal;

namespace Tolk.Asana.Emulator;

/// <summary>The HTTP side: every endpoint runs through one dispatcher that parses bodies itself and answers Asana's JSON.</summary>
public sealed partial class AsanaEmulator
{
    internal const string JsonContentType = "application/json; charset=UTF-8";
    private const string UserKey = "asana.user";
    private const string TokenKey = "asana.token";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Pretty = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    private IReadOnlyList<ApiRoute>? _routes;

    /// <summary>Every endpoint, in one table shared by HTTP and the batch API.</summary>
    internal IReadOnlyList<ApiRoute> Routes => _routes ??=
    [
        .. WorkspaceRoutes(), .. TeamRoutes(), .. UserRoutes(), .. ProjectRoutes(), .. TaskRoutes(),
        .. RelatedRoutes(), .. TaskLinkRoutes(), .. EventRoutes(), .. WebhookRoutes(), ApiRoute.Sync("POST", "/batch", _ => AsanaErrors.Bad("Nested batch requests are not allowed")),
    ];

    /// <inheritdoc />
    public override void MapApi(IEndpointRouteBuilder api)
    {
        foreach (var route in Routes)
        {
            var handler = route.Template == "/batch" ? BatchAsync : (RequestDelegate)(ctx => HandleAsync(ctx, route));
            api.MapMethods(route.Template, [route.Method], handler);
        }
        // Asana answers an unknown path, or a method a path does not take, 404 in its own format.
        api.Map("/{**rest}", ctx => WriteAsync(ctx, AsanaErrors.Error(404, AsanaErrors.NoRoute)));
    }

    /// <inheritdoc />
    public override Task WriteErrorAsync(HttpContext context, int status, string? message)
    {
        var text = message ?? AsanaErrors.DefaultMessage(status);
        var body = AsanaErrors.BodyFor(status, text, _phrases.Next());
        if (status == 412)
        {
            var resource = context.Request.Query["resource"].ToString();
            body["sync"] = _sync.Issue(resource, _events.Head);
        }
        if (status == 429 && !context.Response.Headers.ContainsKey("Retry-After"))
        {
            context.Response.Headers.RetryAfter = "30";
        }
        return WriteAsync(context, new ApiResult(status, body));
    }

    private async Task HandleAsync(HttpContext context, ApiRoute route)
    {
        ApiResult result;
        try
        {
            var request = await ReadRequestAsync(context);
            _actor.Value = request.UserGid;
            result = request.BodyError ?? await route.Handler(request, context.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            result = AsanaErrors.Error(e.StatusCode, e.StatusCode == 413 ? "Request body too large" : AsanaErrors.InvalidJson);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug in the emulator still answers in Asana's format, never with the framework's HTML.
            result = AsanaErrors.ServerError(_phrases.Next());
        }
        await WriteAsync(context, result);
    }

    private async Task<ApiRequest> ReadRequestAsync(HttpContext context)
    {
        var http = context.Request;
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in http.Query)
        {
            // A repeated parameter counts once, except opt_fields, whose repetitions add up.
            query[key] = key == "opt_fields" ? string.Join(",", value.ToArray()) : value[0] ?? "";
        }
        var route = http.RouteValues.Where(v => v.Key != "rest").ToDictionary(v => v.Key, v => v.Value?.ToString() ?? "", StringComparer.Ordinal);
        JsonObject? data = null, options = null;
        ApiResult? error = null;
        if (http.ContentLength is > 0 || http.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(http.Body);
            (data, options, error) = BodyParser.Parse(await reader.ReadToEndAsync(context.RequestAborted), http.ContentType);
        }
        var fields = FieldSelection.Parse(query.GetValueOrDefault("opt_fields") ?? BodyParser.OptionFields(options));
        var path = http.Path.Value is { } full && full.StartsWith(ApiPrefix, StringComparison.OrdinalIgnoreCase) ? full[ApiPrefix.Length..] : http.Path.Value ?? "";
        var baseUri = $"{http.Scheme}://{http.Host}{ApiPrefix}";
        return new ApiRequest(http.Method.ToUpperInvariant(), path, route, query, data, fields, error, context.Items[UserKey] as string ?? "", baseUri);
    }

    private static Task WriteAsync(HttpContext context, ApiResult result)
    {
        var response = context.Response;
        response.StatusCode = result.Status;
        foreach (var (name, value) in result.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }
        response.ContentType = JsonContentType;
        var pretty = context.Request.Query["opt_pretty"].ToString() is "true" or "1";
        return response.WriteAsync(result.Body.ToJsonString(pretty ? Pretty : Compact), context.RequestAborted);
    }
}
