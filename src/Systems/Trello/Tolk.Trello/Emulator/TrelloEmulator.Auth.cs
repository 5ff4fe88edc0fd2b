using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tolk.Emulation.Hosting;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    private static readonly string[] Tokens = [ApiToken, SecondApiToken];

    /// <inheritdoc />
    public override void ConfigurePipeline(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.IsAdminPath())
        {
            await next(context);
            return;
        }
        await AuthenticateAsync(context, next);
    });

    // Trello reads key and token from the query, the body or an OAuth 1.0 Authorization header; a bad key or token is
    // a plain-text 401 before anything else happens, and only then do the rate limits count the request.
    private async Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        var (args, error) = await TrelloArgs.ReadAsync(context.Request);
        var (key, token) = ReadCredentials(context.Request, args);
        if (key != ApiKey)
        {
            await TrelloResponse.Error(401, "invalid key").WriteAsync(context.Response);
            return;
        }
        if (token is null || !Tokens.Contains(token))
        {
            await TrelloResponse.Error(401, "invalid token").WriteAsync(context.Response);
            return;
        }
        var membersPath = IsMembersPath(context.Request.Path);
        var broken = Limits.Acquire(key, token, membersPath);
        Limits.WriteHeaders(context.Response.Headers, key, token, membersPath);
        if (broken != TrelloLimit.None)
        {
            await WriteRateLimitedAsync(context.Response, broken);
            return;
        }
        if (args is null)
        {
            await TrelloResponse.Error(400, error ?? TrelloArgs.InvalidJson).WriteAsync(context.Response);
            return;
        }
        context.Items[TrelloCall.ArgsItem] = args;
        context.Items[TrelloCall.CallerItem] = new TrelloCaller(key, token, MeId);
        await next(context);
    }

    private bool IsMembersPath(PathString path) => path.StartsWithSegments(ApiPrefix + "/members", StringComparison.OrdinalIgnoreCase);

    private static Task WriteRateLimitedAsync(HttpResponse response, TrelloLimit limit)
    {
        var code = limit switch
        {
            TrelloLimit.Token => "API_TOKEN_LIMIT_EXCEEDED",
            TrelloLimit.Member => "MEMBER_LIMIT_EXCEEDED",
            _ => "API_KEY_LIMIT_EXCEEDED",
        };
        return TrelloResponse.WriteAsync(response, 429, new JsonObject { ["error"] = code, ["message"] = "Rate limit exceeded" }, null);
    }

    private static (string? Key, string? Token) ReadCredentials(HttpRequest request, TrelloArgs? args)
    {
        var key = request.Query["key"].FirstOrDefault() ?? args?.Raw("key");
        var token = request.Query["token"].FirstOrDefault() ?? args?.Raw("token");
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("OAuth ", StringComparison.OrdinalIgnoreCase))
        {
            key ??= OAuthParameter(header, "oauth_consumer_key");
            token ??= OAuthParameter(header, "oauth_token");
        }
        return (key, token);
    }

    private static string? OAuthParameter(string header, string name)
    {
        var match = Regex.Match(header, name + "=\"([^\"]*)\"", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        return match.Success ? Uri.UnescapeDataString(match.Groups[1].Value) : null;
    }
}
