using Microsoft.AspNetCore.Http;
using Tolk.Crmoffice.Emulator.Internal;
using Tolk.Emulation.Hosting;

namespace Tolk.Crmoffice.Emulator;

public sealed partial class CrmofficeEmulator
{
    private const string ClientKey = "crmoffice.client";
    private const string TokenPath = "/oauth/token";

    // Every API path but the token endpoint needs a live bearer token; the client it belongs to is what the rate
    // limit counts against.
    private async Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        if (context.IsAdminPath() || context.Request.Path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"crmoffice\"";
            await CrmError.Of(401, CrmofficeAssumptions.ErrorUnauthorized,
                "Authorization: Bearer <access_token> is required; get a token from POST /oauth/token.").WriteAsync(context.Response);
            return;
        }
        if (_tokens.ClientOf(header[7..].Trim()) is not { } client)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"crmoffice\", error=\"invalid_token\"";
            await CrmError.Of(401, CrmofficeAssumptions.ErrorInvalidToken, "The access token is invalid or has expired.").WriteAsync(context.Response);
            return;
        }
        context.Items[ClientKey] = client;
        await next(context);
    }
}
