using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Tolk.Emulation.Faults;
using Tolk.Emulation.Hosting;

namespace Tolk.Emulation.Calls;

/// <summary>Records every API call (never the admin channel's) with its final status and any fault it was given.</summary>
internal sealed class CallLogMiddleware(RequestDelegate next, CallLog log, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.IsAdminPath())
        {
            await next(context);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var at = time.GetUtcNow();
        try
        {
            await next(context);
        }
        finally
        {
            var fault = context.Items.TryGetValue(FaultMiddleware.AppliedKey, out var f) ? f as string : null;
            log.Add(at, context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
                context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, fault);
        }
    }
}
