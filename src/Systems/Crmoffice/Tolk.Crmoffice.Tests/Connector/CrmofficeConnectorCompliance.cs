using Tolk.Connectors.Compliance;

namespace Tolk.Crmoffice.Tests.Connector;

/// <summary>The shared connector compliance suite against the Crmoffice emulator.</summary>
public sealed class CrmofficeConnectorCompliance(CrmofficeConnectorFixture fixture)
    : ConnectorCompliance<CrmofficeConnectorFixture>(fixture), IClassFixture<CrmofficeConnectorFixture>;
