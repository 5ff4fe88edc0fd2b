using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Tolk.Server.Auth;

/// <summary>Login and logout for the dashboard: the token is checked once and kept in an HTTP-only, same-site cookie.</summary>
internal static class LoginApi
{
    /// <summary>The token a person pastes into the login page.</summary>
    public sealed record LoginRequest(string? Token);

    public static IEndpointRouteBuilder MapLoginApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/login", Results<NoContent, UnauthorizedHttpResult> (LoginRequest request, AccessToken token, HttpContext context) =>
        {
            if (!token.Verifies(request.Token?.Trim()))
            {
                return TypedResults.Unauthorized();
            }

            context.Response.Cookies.Append(TokenAuthentication.Cookie, request.Token!.Trim(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
                MaxAge = TimeSpan.FromDays(30),
            });
            return TypedResults.NoContent();
        }).ExcludeFromDescription();

        app.MapPost("/logout", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(TokenAuthentication.Cookie);
            return TypedResults.NoContent();
        }).ExcludeFromDescription();
        return app;
    }
}
