using Tolk.Connectors.Compliance;

namespace Tolk.Trello.Tests.Connector;

/// <summary>The shared connector compliance suite against the Trello emulator.</summary>
public sealed class TrelloConnectorCompliance(TrelloConnectorFixture fixture)
    : ConnectorCompliance<TrelloConnectorFixture>(fixture), IClassFixture<TrelloConnectorFixture>;
