using Microsoft.AspNetCore.Http;
using Tolk.Emulation.Hosting;

namespace Tolk.Emulation.Faults;

/// <summary>Applies the fault rules to API calls before (or, for lost responses, after) the emulator serves them.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults, SystemEmulator emulator, TimeProvider time)
{
    /// <summary>The <see cref="HttpContext.Items"/> key under which the applied fault's description is left for the call log.</summary>
    public const string AppliedKey = "tolk.fault";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.IsAdminPath())
        {
            await next(context);
            return;
        }
        var rule = faults.Next(FaultTargets.Request, context.Request.Method, context.Request.Path.Value ?? "");
        if (rule is null)
        {
            await next(context);
            return;
        }
        context.Items[AppliedKey] = $"{rule.Id}:{rule.Action}";
        switch (rule.Action)
        {
            case FaultActions.Status:
                if (rule.RetryAfterSeconds is { } retry)
                {
                    context.Response.Headers.RetryAfter = retry.ToString();
                }
                await emulator.WriteErrorAsync(context, rule.Status!.Value, rule.Message);
                break;
            case FaultActions.Delay:
                await Task.Delay(TimeSpan.FromMilliseconds(rule.DelayMs!.Value), time, context.RequestAborted);
                await next(context);
                break;
            case FaultActions.DropRequest:
                context.Abort();
                break;
            case FaultActions.DropResponse:
                await ServeThenDropAsync(context);
                break;
        }
    }

    // The call is applied in full, but its response is swallowed and the connection reset: the client cannot tell
    // whether its write happened, which is exactly the case the connectors must recover from.
    private async Task ServeThenDropAsync(HttpContext context)
    {
        var original = context.Response.Body;
        await using var sink = new MemoryStream();
        context.Response.Body = sink;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            context.Abort();
        }
    }
}
