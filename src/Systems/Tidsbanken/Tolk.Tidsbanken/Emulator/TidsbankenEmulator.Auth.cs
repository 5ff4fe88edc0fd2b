using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tolk.Emulation.Hosting;
using Tolk.Tidsbanken.Emulator.Internal;
using A = Tolk.Tidsbanken.Emulator.TidsbankenAssumptions;

namespace Tolk.Tidsbanken.Emulator;

/// <summary>
/// The API gateway in front of the service: subscription key, then the rate limit per subscription key, then the
/// database's <c>tb-key</c> and the API version (the order a gateway-fronted service checks them in; assumed).
/// </summary>
public sealed partial class TidsbankenEmulator
{
    /// <inheritdoc />
    public override void ConfigurePipeline(IApplicationBuilder app) => app.Use(GatewayAsync);

    private async Task GatewayAsync(HttpContext http, RequestDelegate next)
    {
        if (http.IsAdminPath())
        {
            await next(http);
            return;
        }
        var request = http.Request;
        string? subscription = request.Headers["Ocp-Apim-Subscription-Key"];
        if (string.IsNullOrEmpty(subscription))
        {
            subscription = request.Query[A.SubscriptionKeyQueryParameter];
        }
        if (string.IsNullOrEmpty(subscription) || subscription != DemoSubscriptionKey)
        {
            await ApiResponses.GatewayErrorAsync(http, 401, string.IsNullOrEmpty(subscription) ? A.MissingSubscriptionKey : A.InvalidSubscriptionKey);
            return;
        }
        var decision = _rate.Acquire(subscription);
        if (!decision.Allowed)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ApiResponses.GatewayErrorAsync(http, 429, A.RateLimitMessage(seconds));
            return;
        }
        string? tbKey = request.Headers["tb-key"];
        if (string.IsNullOrEmpty(tbKey) || tbKey != DemoTbKey)
        {
            await ApiResponses.GatewayErrorAsync(http, 401, string.IsNullOrEmpty(tbKey) ? A.MissingTbKey : A.InvalidTbKey);
            return;
        }
        string? version = request.Headers["x-api-version"];
        if (version != A.ApiVersion)
        {
            await ApiResponses.ErrorAsync(http, string.IsNullOrEmpty(version)
                ? new ApiError(400, A.ApiVersionUnspecifiedCode, A.ApiVersionUnspecifiedMessage)
                : new ApiError(400, A.UnsupportedApiVersionCode, A.UnsupportedApiVersionMessage(
                    $"{request.Scheme}://{request.Host}{request.Path}", version)));
            return;
        }
        await next(http);
    }
}
