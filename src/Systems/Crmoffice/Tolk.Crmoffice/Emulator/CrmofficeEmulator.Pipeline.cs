using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tolk.Crmoffice.Emulator.Internal;
using Tolk.Emulation.Hosting;

namespace Tolk.Crmoffice.Emulator;

public sealed partial class CrmofficeEmulator
{
    /// <inheritdoc />
    public override void ConfigurePipeline(IApplicationBuilder app)
    {
        app.Use(ErrorBoundaryAsync);
        app.Use(AuthenticateAsync);
        app.Use(RateLimitAsync);
    }

    // Whatever goes wrong, and whatever the framework answers on its own (404 for an unknown path, 405 for a method a
    // path does not take), the client sees Crmoffice's error body.
    private async Task ErrorBoundaryAsync(HttpContext context, RequestDelegate next)
    {
        if (context.IsAdminPath())
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await CrmError.InvalidRequest(e.Message).WriteAsync(context.Response);
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            Context.Loggers.CreateLogger<CrmofficeEmulator>().LogError(e, "Unhandled error in {Path}", context.Request.Path);
            await CrmError.Of(500, CrmofficeAssumptions.ErrorInternal, "An internal error occurred.").WriteAsync(context.Response);
            return;
        }
        var response = context.Response;
        // The content types declared for the OpenAPI document also steer routing, which refuses others with an empty
        // 415; Crmoffice answers a body it cannot read with 400.
        if (!response.HasStarted && response.ContentType is null && response.StatusCode == 415)
        {
            await CrmError.InvalidRequest($"Content-Type {context.Request.ContentType ?? "(none)"} is not accepted here.").WriteAsync(response);
            return;
        }
        if (!response.HasStarted && response.ContentType is null && response.StatusCode is 404 or 405)
        {
            var message = response.StatusCode == 404
                ? $"No resource at {context.Request.Path}."
                : context.Request.Path.StartsWithSegments("/users", StringComparison.OrdinalIgnoreCase)
                    ? "users are read-only."
                    : $"{context.Request.Method} is not allowed on {context.Request.Path}.";
            await CrmError.Of(response.StatusCode, CrmError.CodeFor(response.StatusCode), message).WriteAsync(response);
        }
    }

    private async Task RateLimitAsync(HttpContext context, RequestDelegate next)
    {
        if (context.IsAdminPath() || context.Items[ClientKey] is not string client)
        {
            await next(context);
            return;
        }
        var decision = _rate.Acquire(client);
        if (decision.Allowed)
        {
            await next(context);
            return;
        }
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await CrmError.Of(429, CrmofficeAssumptions.ErrorRateLimited,
            $"Rate limit exceeded: at most {decision.Limit} requests per second per client.").WriteAsync(context.Response);
    }
}
