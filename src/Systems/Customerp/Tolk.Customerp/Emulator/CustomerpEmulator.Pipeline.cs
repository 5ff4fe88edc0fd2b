using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Emulation.Hosting;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    private const string TokenItem = "customerp.token";

    /// <inheritdoc />
    /// <remarks>
    /// In order: the admin channel passes untouched (except the OpenAPI document, served from here); paths outside
    /// <c>/api/v1</c> are 404; then the bearer token (401), the per-token rate window (429 with <c>Retry-After</c>),
    /// the endpoint, and last a net that turns any bodiless error the framework produced (unknown route 404, 405, 415)
    /// or an exception into Customerp's problem body.
    /// </remarks>
    public override void ConfigurePipeline(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.IsAdminPath())
        {
            await (IsOpenApiRequest(context) ? WriteOpenApiAsync(context) : next(context));
            return;
        }
        if (!context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.Ordinal))
        {
            await ApiResult.Of(Problem.Of(404, $"Nothing at {context.Request.Path}; the API is under {ApiPrefix}.")).ExecuteAsync(context);
            return;
        }
        try
        {
            var refusal = Authenticate(context) ?? Throttle(context);
            if (refusal is not null)
            {
                await refusal.ExecuteAsync(context);
                return;
            }
            await next(context);
            if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && string.IsNullOrEmpty(context.Response.ContentType))
            {
                await ApiResult.Of(Problem.Of(context.Response.StatusCode, FrameworkDetail(context))).ExecuteAsync(context);
            }
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await ApiResult.Of(Problem.Of(e.StatusCode, e.Message)).ExecuteAsync(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            Context.Loggers.CreateLogger<CustomerpEmulator>().LogError(e, "Customerp emulator failed on {Path}", context.Request.Path);
            await ApiResult.Of(Problem.Of(500, "An unexpected error occurred.")).ExecuteAsync(context);
        }
    });

    private ApiResult? Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Unauthorized("Send the API token as Authorization: Bearer <token>.", "Bearer realm=\"customerp\"");
        }
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        if (token is null || !Credentials.Values.Contains(token))
        {
            return Unauthorized("The API token is not valid.", "Bearer realm=\"customerp\", error=\"invalid_token\"");
        }
        context.Items[TokenItem] = token;
        return null;
    }

    private static ApiResult Unauthorized(string detail, string challenge) =>
        ApiResult.Of(Problem.Of(401, detail), new KeyValuePair<string, string>("WWW-Authenticate", challenge));

    private ApiResult? Throttle(HttpContext context)
    {
        var decision = _rate.Acquire(TokenOf(context));
        if (decision.Allowed)
        {
            return null;
        }
        var seconds = RetryAfterSeconds(decision.RetryAfter);
        return ApiResult.Of(Problem.Of(429,
                $"Rate limit of {decision.Limit} requests per {_settings.RateLimitWindowSeconds} seconds exceeded for this token; retry after {seconds} seconds."),
            new KeyValuePair<string, string>("Retry-After", seconds.ToString(CultureInfo.InvariantCulture)));
    }

    private static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    private static string TokenOf(HttpContext context) => context.Items[TokenItem] as string ?? "";

    private static string FrameworkDetail(HttpContext context) => context.Response.StatusCode switch
    {
        404 => $"There is no resource at {context.Request.Path}.",
        405 => $"{context.Request.Method} is not allowed on {context.Request.Path}.",
        415 => $"The body must be {RequestBody.Json}, not '{context.Request.ContentType}'.",
        _ => $"The request failed with status {context.Response.StatusCode}.",
    };
}
