using System.Text.Json.Nodes;
using Tolk.Asana;
using Tolk.Connectors;
using Tolk.Connectors.Metering;
using Tolk.Custompms;
using Tolk.Engine.Tests.Harness;
using Tolk.Runtime;
using Tolk.Sync.Configuration;
using Tolk.Tidsbanken;

namespace Tolk.Engine.Tests.Qa;

/// <summary>
/// The QA suite's sandbox: the product as <see cref="SyncHarness"/> runs it, except that four systems allow more calls,
/// the emulator and the connector's pacing alike, so that the suite's hundreds of cycles are not spent waiting:
/// Asana on a paid domain's 1,500 requests a minute (the free 150 is the product's default), Tidsbanken and Custompms
/// at 50 a second (the product paces both under 5 a second), and Trello's window for routes under <c>/1/members/</c>
/// at 10,000 per 15 minutes instead of 100 (each full cycle spends three of them listing workspaces and members; the
/// connector follows Trello's rate-limit headers). Rate limits themselves are tested in each connector's compliance
/// suite.
/// </summary>
public sealed class QaFixture : IAsyncLifetime
{
    /// <summary>The harness (emulators, store, engine), initially synced once for the whole suite.</summary>
    public SyncHarness Harness { get; } = Create(RepoPaths.Config);

    /// <summary>A harness on a configuration folder, with the suite's limits.</summary>
    public static SyncHarness Create(string configFolder) => new() { ConfigFolder = configFolder, Prepare = RaiseLimitsAsync, ConnectorBuilder = Connectors };

    /// <inheritdoc />
    public Task InitializeAsync() => Harness.InitializeAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => Harness.DisposeAsync();

    private static async Task RaiseLimitsAsync(Sandbox sandbox)
    {
        await sandbox.Fleet["asana"].Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerMinute"] = 1500 });
        await sandbox.Fleet["tidsbanken"].Admin.SetSettingsAsync(new JsonObject { ["rateLimit"] = 50, ["rateLimitWindowSeconds"] = 1 });
        await sandbox.Fleet["custompms"].Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerSecond"] = 50 });
        await sandbox.Fleet["trello"].Admin.SetSettingsAsync(new JsonObject { ["membersLimit"] = 10_000 });
    }

    private static Dictionary<string, IConnector> Connectors(Sandbox sandbox, SyncConfiguration configuration)
    {
        var connectors = ConnectorFactory.CreateAll(sandbox.Endpoints, configuration);
        var asana = sandbox.Endpoints.Single(e => e.System == "asana");
        connectors["asana"] = MeteredConnector.Wrap(new AsanaConnector(new AsanaOptions
        {
            BaseUrl = asana.BaseUrl,
            PersonalAccessToken = asana.Credential("personal_access_token"),
            RequestsPerMinute = 1500,
        }));
        var tidsbanken = sandbox.Endpoints.Single(e => e.System == "tidsbanken");
        connectors["tidsbanken"] = MeteredConnector.Wrap(new TidsbankenConnector(new TidsbankenOptions
        {
            BaseUrl = tidsbanken.BaseUrl,
            TbKey = tidsbanken.Credential("tb-key"),
            SubscriptionKey = tidsbanken.Credential("Ocp-Apim-Subscription-Key"),
            PacingPermits = 40,
            PacingWindow = TimeSpan.FromSeconds(1),

            // A deleted Kunde leaves no trace in the change filter; the product sweeps for deletions hourly, the suite
            // on every read, so that a person's delete is seen in the next cycle.
            DeleteSweepInterval = TimeSpan.Zero,
        }));
        var custompms = sandbox.Endpoints.Single(e => e.System == "custompms");
        connectors["custompms"] = MeteredConnector.Wrap(new CustompmsConnector(new CustompmsOptions
        {
            BaseUrl = custompms.BaseUrl,
            ApiKey = custompms.Credential("apiKey"),
            PacingPermits = 40,
            PacingWindow = TimeSpan.FromSeconds(1),
        }));
        return connectors;
    }
}
