using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;

namespace Tolk.Custompms.Emulator.Internal;

/// <summary>
/// Generates the OpenAPI document from the emulator's endpoints. The kernel's host has no OpenAPI services, so the
/// endpoints are mapped again, at the contract's base URL, on a private application that is never started.
/// </summary>
internal static class OpenApiDocumentBuilder
{
    private const string DocumentName = "custompms";

    public static async Task<string> BuildAsync(Action<IEndpointRouteBuilder> mapApi)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Tolk.Custompms" });
        builder.Logging.ClearProviders();
        // The API writes numbers as numbers and reads them only as numbers; the document must not allow strings.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        builder.Services.AddOpenApi(DocumentName, OpenApiContract.Configure);
        await using var app = builder.Build();
        mapApi(app);
        // Endpoint data sources reach the API explorer when endpoints are wired, which happens here rather than at start.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName).GetOpenApiDocumentAsync();
        using var text = new StringWriter { NewLine = "\n" };
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return text.ToString().ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
