using Microsoft.AspNetCore.Http;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    /// <inheritdoc />
    public override Task WriteErrorAsync(HttpContext context, int status, string? message)
    {
        // Trello never sends Retry-After, so an injected 429 must not carry the one the kernel may have set.
        context.Response.Headers.Remove("Retry-After");
        var (_, token) = ReadCredentials(context.Request, null);
        if (token is not null && Tokens.Contains(token))
        {
            Limits.WriteHeaders(context.Response.Headers, ApiKey, token, IsMembersPath(context.Request.Path));
        }
        if (status == 429)
        {
            return WriteRateLimitedAsync(context.Response, message switch
            {
                "API_KEY_LIMIT_EXCEEDED" => TrelloLimit.Key,
                "MEMBER_LIMIT_EXCEEDED" => TrelloLimit.Member,
                _ => TrelloLimit.Token,
            });
        }
        return TrelloResponse.Error(status, message ?? DefaultText(status)).WriteAsync(context.Response);
    }

    private static string DefaultText(int status) => status switch
    {
        400 => "invalid request",
        401 => "unauthorized permission requested",
        404 => TrelloResponse.NotFoundText,
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "An error occurred",
    };
}
