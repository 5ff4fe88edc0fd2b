using Microsoft.AspNetCore.Http;

namespace Tolk.Emulation.Hosting;

/// <summary>Helpers the kernel and the emulators share for telling admin calls from API calls.</summary>
public static class HttpContextExtensions
{
    /// <summary>The admin side channel's path prefix; never part of a real API.</summary>
    public const string AdminPrefix = "/_emulator";

    /// <summary>Whether the request is for the admin side channel rather than the emulated API.</summary>
    public static bool IsAdminPath(this HttpContext context) =>
        context.Request.Path.StartsWithSegments(AdminPrefix, StringComparison.OrdinalIgnoreCase);
}
