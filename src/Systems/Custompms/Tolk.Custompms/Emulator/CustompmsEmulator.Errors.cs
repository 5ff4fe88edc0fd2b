using Microsoft.AspNetCore.Http;
using Tolk.Custompms.Emulator.Internal;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    /// <inheritdoc />
    /// <remarks>A 429 always carries <c>Retry-After</c>, as the real limit does; a fault may set its own value first.</remarks>
    public override Task WriteErrorAsync(HttpContext context, int status, string? message)
    {
        var headers = status == 429 && !context.Response.Headers.ContainsKey("Retry-After")
            ? [new KeyValuePair<string, string>("Retry-After", "1")]
            : Array.Empty<KeyValuePair<string, string>>();
        return ApiResult.Of(ApiError.For(status, message), headers).ExecuteAsync(context);
    }
}
