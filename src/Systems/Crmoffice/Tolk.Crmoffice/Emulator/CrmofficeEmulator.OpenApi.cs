using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tolk.Crmoffice.Emulator.Internal;
using Tolk.Emulation.Hosting;

namespace Tolk.Crmoffice.Emulator;

public sealed partial class CrmofficeEmulator
{
    private Lazy<Task<string>>? _openApi;

    /// <summary>The OpenAPI document of the Crmoffice contract, generated (once) from this emulator's endpoints.</summary>
    public Task<string> OpenApiDocumentAsync()
    {
        Interlocked.CompareExchange(ref _openApi, new Lazy<Task<string>>(() => OpenApiDocumentBuilder.BuildAsync(MapApi)), null);
        return _openApi.Value;
    }

    // Served on the admin channel: the document describes the real API and is no part of it.
    private void MapOpenApiDocument(IEndpointRouteBuilder api) =>
        api.MapGet(HttpContextExtensions.AdminPrefix + "/openapi.json",
                async () => Results.Text(await OpenApiDocumentAsync(), "application/json; charset=utf-8"))
            .ExcludeFromDescription();
}
