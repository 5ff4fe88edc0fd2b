using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Hosting;

namespace Tolk.Asana.Emulator;

/// <summary>Authentication by personal access token, then the per-token rate and concurrency limits.</summary>
public sealed partial class AsanaEmulator
{
    /// <inheritdoc />
    public override void ConfigurePipeline(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.IsAdminPath() || !context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        var token = BearerToken(context.Request);
        if (token is null || UserOfToken(token) is not { } user)
        {
            await WriteAsync(context, AsanaErrors.NotAuthorized());
            return;
        }
        context.Items[UserKey] = user;
        context.Items[TokenKey] = token;
        if (IsBatch(context.Request))
        {
            // The batch request itself costs nothing: its actions are counted when the body has been read.
            await next(context);
            return;
        }
        var (allowed, retryAfter, leases) = _limits.TryAcquire(token, [context.Request.Method.ToUpperInvariant()]);
        if (!allowed)
        {
            await WriteAsync(context, AsanaErrors.RateLimited(retryAfter));
            return;
        }
        try
        {
            await next(context);
        }
        finally
        {
            foreach (var lease in leases)
            {
                lease.Dispose();
            }
        }
    });

    /// <summary>The gid of the user a token belongs to, or null for a token Asana would not accept.</summary>
    internal string? UserOfToken(string token)
    {
        var gid = token switch
        {
            PersonalAccessToken => Gids.For(ResourceTypes.User, 0),
            OtherUserAccessToken => Gids.For(ResourceTypes.User, 1),
            _ => null,
        };
        return gid is not null && Users.Contains(gid) ? gid : null;
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    private bool IsBatch(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && string.Equals(request.Path.Value, ApiPrefix + "/batch", StringComparison.OrdinalIgnoreCase);
}
