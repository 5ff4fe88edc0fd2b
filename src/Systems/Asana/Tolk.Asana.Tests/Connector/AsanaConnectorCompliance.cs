using System.Text.Json.Nodes;
using Tolk.Connectors.Compliance;

namespace Tolk.Asana.Tests.Connector;

/// <summary>The shared connector compliance suite against the Asana emulator.</summary>
public sealed class AsanaConnectorCompliance(AsanaConnectorFixture fixture)
    : ConnectorCompliance<AsanaConnectorFixture>(fixture), IClassFixture<AsanaConnectorFixture>
{
    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Webhook timeouts run on the fast emulator clock: give the loopback receiver real seconds to answer.
        await Fixture.Emulator.Admin.SetSettingsAsync(new JsonObject { ["webhookTimeoutSeconds"] = 600 });
    }
}
