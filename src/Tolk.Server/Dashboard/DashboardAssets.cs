using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tolk.Server.Dashboard;

/// <summary>The dashboard's static files, embedded in the assembly (no front-end build), served with their content types.</summary>
internal static class DashboardAssets
{
    private static readonly ConcurrentDictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) => WriteAsync(context, "index.html")).ExcludeFromDescription();
        app.MapGet("/index.html", (HttpContext context) => WriteAsync(context, "index.html")).ExcludeFromDescription();
        app.MapGet("/favicon.svg", (HttpContext context) => WriteAsync(context, "favicon.svg")).ExcludeFromDescription();
        app.MapGet("/assets/{file}", (string file, HttpContext context) => WriteAsync(context, file)).ExcludeFromDescription();
        return app;
    }

    /// <summary>Writes one embedded file (404 when there is none by that name).</summary>
    public static async Task WriteAsync(HttpContext context, string file)
    {
        // Only files that exist are cached, so asking for made-up names cannot grow the cache.
        if (!Cache.TryGetValue(file, out var bytes) && (bytes = Load(file)) is not null)
        {
            Cache[file] = bytes;
        }

        if (bytes is null || !Types.TryGetValue(Path.GetExtension(file), out var type))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = type;
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Content-Security-Policy"] = "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; img-src 'self' data:";
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private static byte[]? Load(string file)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("Tolk.Server.Dashboard." + file);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
