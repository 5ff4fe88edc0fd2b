using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;

namespace Tolk.Crmoffice.Emulator.Internal;

/// <summary>
/// Generates the OpenAPI document from the emulator's endpoints. The kernel builds the emulator's host without the
/// OpenAPI services, so the endpoints are mapped again on a private host that has them and is never bound to a port.
/// </summary>
internal static class OpenApiDocumentBuilder
{
    private const string DocumentName = "v1";

    public static async Task<string> BuildAsync(Action<IEndpointRouteBuilder> mapApi)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Tolk.Crmoffice" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IServer, NullServer>();
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                OpenApiContract.Describe(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                OpenApiContract.Describe(operation, context.Description.ActionDescriptor.EndpointMetadata);
                return Task.CompletedTask;
            });
        });
        await using var app = builder.Build();
        mapApi(app);
        await app.StartAsync();
        try
        {
            var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName).GetOpenApiDocumentAsync();
            using var stream = new MemoryStream();
            await document.SerializeAsJsonAsync(stream, OpenApiSpecVersion.OpenApi3_1);
            return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n").TrimEnd() + "\n";
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private sealed class NullServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
