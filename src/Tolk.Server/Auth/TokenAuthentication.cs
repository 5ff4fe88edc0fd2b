using Microsoft.AspNetCore.Http;
using Tolk.Server.Dashboard;

namespace Tolk.Server.Auth;

/// <summary>
/// Lets a request through when it carries the access token: <c>Authorization: Bearer</c> (scripts, Prometheus) or the
/// dashboard's cookie. Webhooks (signed by their systems), the health check and the login page need none. A browser
/// that asks for the dashboard without the token gets the login page with 401; API callers get 401 and a JSON reason.
/// Cookie-authenticated changes must carry <c>X-Requested-With: tolk</c>, which another site's form cannot send.
/// </summary>
internal sealed class TokenAuthentication(RequestDelegate next, AccessToken token)
{
    /// <summary>The dashboard's cookie.</summary>
    public const string Cookie = "tolk_token";

    /// <summary>The header the dashboard sends with every change it asks for.</summary>
    public const string CsrfHeader = "X-Requested-With";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (IsOpen(path))
        {
            await next(context);
            return;
        }

        var bearer = Bearer(context.Request);
        var cookie = context.Request.Cookies[Cookie];
        if (token.Verifies(bearer))
        {
            await next(context);
            return;
        }

        if (token.Verifies(cookie))
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && context.Request.Headers[CsrfHeader] != "tolk")
            {
                await RefuseAsync(context, StatusCodes.Status403Forbidden, $"a change made with the dashboard's cookie must carry {CsrfHeader}: tolk");
                return;
            }

            await next(context);
            return;
        }

        if (IsDashboardPage(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await DashboardAssets.WriteAsync(context, "login.html");
            return;
        }

        var reason = bearer is null && cookie is null ? "this needs the access token (Authorization: Bearer <token>)" : "the access token is not valid";
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await RefuseAsync(context, StatusCodes.Status401Unauthorized, reason);
    }

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments("/webhooks") || path == "/health" || path == "/login" || path == "/favicon.svg";

    private static bool IsDashboardPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && (request.Path == "/" || request.Path == "/index.html");

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static Task RefuseAsync(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiProblem(reason));
    }
}

/// <summary>Why a request was refused.</summary>
/// <param name="Error">A sentence a person can act on.</param>
public sealed record ApiProblem(string Error);
