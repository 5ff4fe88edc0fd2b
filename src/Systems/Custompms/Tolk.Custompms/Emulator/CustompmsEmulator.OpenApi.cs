using Microsoft.AspNetCore.Http;
using Tolk.Custompms.Emulator.Internal;
using Tolk.Emulation.Hosting;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    /// <summary>Where the admin channel serves the contract's OpenAPI document (never under the API's own paths).</summary>
    public const string OpenApiPath = HttpContextExtensions.AdminPrefix + "/openapi.json";

    private Lazy<Task<string>>? _openApi;

    /// <summary>The OpenAPI 3.1 document of the Custompms contract, generated (once) from this emulator's endpoints.</summary>
    public Task<string> GetOpenApiJsonAsync()
    {
        Interlocked.CompareExchange(ref _openApi, new Lazy<Task<string>>(() => OpenApiDocumentBuilder.BuildAsync(MapApi)), null);
        return _openApi.Value;
    }

    private static bool IsOpenApiRequest(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Equals(OpenApiPath, StringComparison.OrdinalIgnoreCase);

    private async Task WriteOpenApiAsync(HttpContext context)
    {
        var json = await GetOpenApiJsonAsync();
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }
}
