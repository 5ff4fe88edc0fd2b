using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tolk.Customerp.Emulator.Internal;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    /// <inheritdoc />
    /// <remarks>
    /// Used for injected faults: the same problem body as every other error. A 429 always carries <c>Retry-After</c>,
    /// as the real limit does: the fault's own value when it set one, else a whole rate window.
    /// </remarks>
    public override Task WriteErrorAsync(HttpContext context, int status, string? message)
    {
        if (status == 429 && !context.Response.Headers.ContainsKey("Retry-After"))
        {
            context.Response.Headers.RetryAfter = _settings.RateLimitWindowSeconds.ToString(CultureInfo.InvariantCulture);
        }
        var detail = message ?? status switch
        {
            429 => "Rate limit exceeded for this token; retry after the number of seconds in Retry-After.",
            500 => "An unexpected error occurred.",
            503 => "The service is temporarily unavailable; try again later.",
            _ => $"The request failed with status {status}.",
        };
        return ApiResult.Of(Problem.Of(status, detail)).ExecuteAsync(context);
    }
}
