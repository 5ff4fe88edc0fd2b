using Microsoft.AspNetCore.Http;
using Tolk.Crmoffice.Emulator.Internal;

namespace Tolk.Crmoffice.Emulator;

public sealed partial class CrmofficeEmulator
{
    /// <inheritdoc />
    public override Task WriteErrorAsync(HttpContext context, int status, string? message)
    {
        if (status == 429 && !context.Response.Headers.ContainsKey("Retry-After"))
        {
            context.Response.Headers.RetryAfter = "1";
        }
        if (status == 401)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"crmoffice\", error=\"invalid_token\"";
        }
        return CrmError.Of(status, CrmError.CodeFor(status), message ?? DefaultMessage(status)).WriteAsync(context.Response);
    }

    private static string DefaultMessage(int status) => status switch
    {
        401 => "The access token is invalid or has expired.",
        404 => "Not found.",
        409 => "The request conflicts with the current state of the resource.",
        429 => "Too many requests.",
        503 => "The service is temporarily unavailable.",
        >= 500 => "An internal error occurred.",
        _ => "The request could not be processed.",
    };
}
