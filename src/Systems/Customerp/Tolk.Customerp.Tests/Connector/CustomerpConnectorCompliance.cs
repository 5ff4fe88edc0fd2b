using Tolk.Connectors.Compliance;

namespace Tolk.Customerp.Tests.Connector;

/// <summary>The shared connector compliance suite against the Customerp emulator.</summary>
public sealed class CustomerpConnectorCompliance(CustomerpConnectorFixture fixture)
    : ConnectorCompliance<CustomerpConnectorFixture>(fixture), IClassFixture<CustomerpConnectorFixture>;
