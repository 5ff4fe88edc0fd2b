using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Tolk.Tidsbanken.Emulator.Internal;
using A = Tolk.Tidsbanken.Emulator.TidsbankenAssumptions;

namespace Tolk.Tidsbanken.Emulator;

/// <summary>Errors of any status in the shape the real service would answer it (used for injected faults).</summary>
public sealed partial class TidsbankenEmulator
{
    /// <inheritdoc />
    public override Task WriteErrorAsync(HttpContext context, int status, string? message)
    {
        if (status == StatusCodes.Status429TooManyRequests)
        {
            // A fault rule may have set Retry-After already; the message must name the same number of seconds.
            if (!int.TryParse(context.Response.Headers.RetryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                seconds = 1;
                context.Response.Headers.RetryAfter = "1";
            }
            return ApiResponses.GatewayErrorAsync(context, status, message ?? A.RateLimitMessage(seconds));
        }
        var reason = ReasonPhrases.GetReasonPhrase(status);
        return A.IsGatewayStatus(status)
            ? ApiResponses.GatewayErrorAsync(context, status, message ?? reason)
            : ApiResponses.ErrorAsync(context, new ApiError(status, reason.Replace(" ", "", StringComparison.Ordinal),
                message ?? (status == 500 ? "An error has occurred." : reason)));
    }
}
