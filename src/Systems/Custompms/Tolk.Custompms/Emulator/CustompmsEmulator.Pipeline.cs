using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tolk.Custompms.Emulator.Internal;
using Tolk.Emulation.Hosting;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    /// <inheritdoc />
    /// <remarks>
    /// In order: the admin channel passes untouched (except the OpenAPI document, served from here); paths outside
    /// <c>/api</c> are 404; then the API key (401), the per-key rate window (429 with <c>Retry-After</c>), the endpoint,
    /// and last a net that gives any bodiless error the router produced (404, 405) or an exception Custompms's body.
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
            await ApiResult.Of(ApiError.Missing($"resource at {context.Request.Path}; the API is under {ApiPrefix}")).ExecuteAsync(context);
            return;
        }
        try
        {
            if ((Authenticate(context) ?? Throttle(context)) is { } refusal)
            {
                await refusal.ExecuteAsync(context);
                return;
            }
            await next(context);
            if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && string.IsNullOrEmpty(context.Response.ContentType))
            {
                await ApiResult.Of(RouterError(context)).ExecuteAsync(context);
            }
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await ApiResult.Of(ApiError.Validation(null, e.Message)).ExecuteAsync(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            Context.Loggers.CreateLogger<CustompmsEmulator>().LogError(e, "Custompms emulator failed on {Path}", context.Request.Path);
            await ApiResult.Of(ApiError.For(500, null)).ExecuteAsync(context);
        }
    });

    // The router refuses a body that is not JSON with 415 before the handler sees it; the contract says 400.
    private static ApiError RouterError(HttpContext context) => context.Response.StatusCode switch
    {
        404 => ApiError.Missing($"resource at {context.Request.Path}"),
        405 => ApiError.For(405, $"{context.Request.Method} is not allowed on {context.Request.Path}."),
        415 => ApiError.Validation(null, "The body must be JSON, sent with Content-Type: application/json."),
        var status => ApiError.For(status, null),
    };
}
