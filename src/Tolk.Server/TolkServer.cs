using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry.Metrics;
using Tolk.Connectors;
using Tolk.Connectors.Metering;
using Tolk.Connectors.Webhooks;
using Tolk.Engine;
using Tolk.Hub.Store;
using Tolk.Runtime;
using Tolk.Server.Api;
using Tolk.Server.Auth;
using Tolk.Server.Dashboard;
using Tolk.Server.Feed;
using Tolk.Server.Metrics;
using Tolk.Server.Webhooks;

namespace Tolk.Server;

/// <summary>
/// Tolk's HTTP side, in the same process as the sync loop: webhook receivers (<c>/webhooks/{system}</c>), the
/// management API (<c>/api/...</c>, OpenAPI at <c>/openapi/v1.json</c>), Prometheus metrics (<c>/metrics</c>), a health
/// check (<c>/health</c>) and the dashboard (<c>/</c>). Everything but webhooks, health and login needs the access token.
/// <para>
/// Usage: open the store, build the connectors (<see cref="ConnectorFactory"/>), open the engine, make a
/// <see cref="SyncRunner"/> whose <see cref="SyncRunnerOptions.WebhookSystems"/> are <see cref="WebhookSystems"/>, then
/// <c>await using var server = await TolkServer.StartAsync(options, engine, runner, store, connectors);</c>, show
/// <see cref="RunningServer.NewToken"/> when it is not null (it is shown only once), and run
/// <c>runner.RunAsync(cancellationToken)</c>. The server registers its webhooks in the background
/// (<see cref="RunningServer.Webhooks"/>) and triggers the runner on every accepted delivery.
/// </para>
/// </summary>
public static class TolkServer
{
    /// <summary>The systems whose connectors receive webhooks: read only for reconciliation once the server runs.</summary>
    public static IReadOnlySet<string> WebhookSystems(IReadOnlyDictionary<string, IConnector> connectors)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        return connectors.Where(c => c.Value is IWebhookConnector).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Starts the server; see the class summary for the order of things.</summary>
    public static async Task<RunningServer> StartAsync(ServerOptions options, SyncEngine engine, SyncRunner runner, IHubStore store,
        IReadOnlyDictionary<string, IConnector> connectors, ILoggerFactory? loggers = null, TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(connectors);
        loggers ??= NullLoggerFactory.Instance;
        time ??= TimeProvider.System;
        var (token, newToken) = await AccessToken.EnsureAsync(store, time, options.NewToken, cancellationToken);
        var context = new ServerContext(engine, runner, store, connectors, options, time, loggers);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Tolk.Server" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(context);
        builder.Services.AddSingleton(token);
        builder.Services.AddSingleton<SyncMetrics>();
        builder.Services.AddSingleton<ChangeFeed>();
        builder.Services.AddSingleton<WebhookRegistrar>();
        builder.Services.Configure<JsonOptions>(json => json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never);
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Tolk management API";
            document.Info.Description = "Flows, links, records across systems, conflicts, errors, what waits for a person (ambiguous matches to link by hand) and the change feed. Send the access token as 'Authorization: Bearer <token>'.";
            return Task.CompletedTask;
        }));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ConnectorMetrics.MeterName, SyncMetrics.MeterName, "Microsoft.AspNetCore.Hosting")
            .AddPrometheusExporter());
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(options.Address, options.Port);
            kestrel.AddServerHeader = false;
        });

        var app = builder.Build();
        app.UseMiddleware<TokenAuthentication>();
        app.MapDashboard();
        app.MapLoginApi();
        app.MapWebhooks();
        app.MapStatusApi();
        app.MapFlowsApi();
        app.MapRecordsApi();
        app.MapIssuesApi();
        app.MapLinksApi();
        app.MapChangesApi();
        app.MapOpenApi();
        app.MapPrometheusScrapingEndpoint("/metrics");

        _ = app.Services.GetRequiredService<SyncMetrics>();
        var feed = app.Services.GetRequiredService<ChangeFeed>();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        context.PublicUrl = options.PublicUrl is { } publicUrl ? new Uri(publicUrl.AbsoluteUri.TrimEnd('/') + "/") : url;
        await feed.StartAsync(cancellationToken);

        var registrar = app.Services.GetRequiredService<WebhookRegistrar>();
        Task<IReadOnlySet<string>> webhooks = options.RegisterWebhooks
            ? Task.Run(() => registrar.RegisterAllAsync(CancellationToken.None), CancellationToken.None)
            : Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());
        return new RunningServer(app, url, newToken, feed, registrar, webhooks);
    }
}
