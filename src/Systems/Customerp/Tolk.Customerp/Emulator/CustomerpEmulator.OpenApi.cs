using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Emulation.Hosting;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    /// <summary>Where the admin channel serves the contract's OpenAPI document (never under the API's own paths).</summary>
    public const string OpenApiPath = HttpContextExtensions.AdminPrefix + "/openapi.json";

    private const string DocumentName = "customerp";
    private Lazy<Task<string>>? _openApi;

    /// <summary>
    /// The OpenAPI 3.1 document of the Customerp contract, generated from the same endpoint mapping and metadata the
    /// emulator serves. The kernel's host has no OpenAPI services, so the document comes from a second, never started
    /// application that maps the same endpoints at the contract's base URL.
    /// </summary>
    public Task<string> GetOpenApiJsonAsync()
    {
        // Made once per emulator: the document depends only on the code, and generating it takes a moment.
        Interlocked.CompareExchange(ref _openApi, new Lazy<Task<string>>(GenerateOpenApiAsync), null);
        return _openApi.Value;
    }

    private async Task<string> GenerateOpenApiAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Tolk.Customerp" });
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        builder.Services.AddOpenApi(DocumentName, OpenApiContract.Configure);
        await using var app = builder.Build();
        MapApi(app);
        // Endpoint data sources reach the API explorer when endpoints are wired, which happens here rather than at start.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName).GetOpenApiDocumentAsync();
        using var text = new StringWriter { NewLine = "\n" };
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return text.ToString().ReplaceLineEndings("\n") + "\n";
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
