using Tolk.Connectors.Compliance;

namespace Tolk.Tidsbanken.Tests.Connector;

/// <summary>The shared connector compliance suite against the Tidsbanken emulator.</summary>
public sealed class TidsbankenConnectorCompliance(TidsbankenConnectorFixture fixture)
    : ConnectorCompliance<TidsbankenConnectorFixture>(fixture), IClassFixture<TidsbankenConnectorFixture>;
