using Tolk.Connectors.Compliance;

namespace Tolk.Custompms.Tests.Connector;

/// <summary>The shared connector compliance suite against the Custompms emulator.</summary>
public sealed class CustompmsConnectorCompliance(CustompmsConnectorFixture fixture)
    : ConnectorCompliance<CustompmsConnectorFixture>(fixture), IClassFixture<CustompmsConnectorFixture>;
