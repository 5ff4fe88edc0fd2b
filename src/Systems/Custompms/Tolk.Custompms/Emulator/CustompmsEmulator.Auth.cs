using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tolk.Custompms.Emulator.Internal;
using A = Tolk.Custompms.Emulator.CustompmsAssumptions;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    private const string ApiKeyItem = "custompms.apiKey";

    /// <summary>Exactly one <c>X-Api-Key</c> header holding a known key; anything else is 401.</summary>
    private ApiResult? Authenticate(HttpContext context)
    {
        var values = context.Request.Headers[A.ApiKeyHeader];
        if (values.Count == 0)
        {
            return ApiResult.Of(new ApiError(401, ApiError.Unauthorized, $"Send your API key in the {A.ApiKeyHeader} header.", null));
        }
        if (values.Count > 1 || !Credentials.Values.Contains(values[0], StringComparer.Ordinal))
        {
            return ApiResult.Of(new ApiError(401, ApiError.Unauthorized, "The API key is not valid.", null));
        }
        context.Items[ApiKeyItem] = values[0];
        return null;
    }

    /// <summary>The spec's limit per API key, in fixed one-second windows on the emulator's clock.</summary>
    private ApiResult? Throttle(HttpContext context)
    {
        var decision = _rate.Acquire(ApiKeyOf(context));
        if (decision.Allowed)
        {
            return null;
        }
        var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        return ApiResult.Of(new ApiError(429, ApiError.RateLimited,
                $"More than {decision.Limit} requests per second for this API key; retry after {seconds} second{(seconds == 1 ? "" : "s")}.", null),
            new KeyValuePair<string, string>("Retry-After", seconds.ToString(CultureInfo.InvariantCulture)));
    }

    private static string ApiKeyOf(HttpContext context) => context.Items[ApiKeyItem] as string ?? "";
}
