using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tolk.Asana;
using Tolk.Connectors;
using Tolk.Connectors.Metering;
using Tolk.Crmoffice;
using Tolk.Customerp;
using Tolk.Custompms;
using Tolk.Sync.Configuration;
using Tolk.Tidsbanken;
using Tolk.Trello;

namespace Tolk.Runtime;

/// <summary>Builds each system's connector from its endpoint: the same connectors talk to the emulators and the real services.</summary>
public static class ConnectorFactory
{
    /// <summary>The systems Tolk has connectors for.</summary>
    public static IReadOnlyList<string> Systems { get; } = ["asana", "trello", "tidsbanken", "customerp", "custompms", "crmoffice"];

    /// <summary>
    /// The connector of <paramref name="endpoint"/>'s system, metered (<see cref="MeteredConnector"/>: records read and
    /// written, for the server's metrics and change feed). <paramref name="options"/> are the settings the flows
    /// targeting the system give its connector (flows.yaml <c>options</c>; Trello's board, list and card).
    /// </summary>
    public static IConnector Create(SystemEndpoint endpoint, TimeProvider? time = null, ILoggerFactory? loggers = null,
        IReadOnlyDictionary<string, string>? options = null) =>
        MeteredConnector.Wrap(CreateUnmetered(endpoint, time, loggers, options));

    private static IConnector CreateUnmetered(SystemEndpoint endpoint, TimeProvider? time, ILoggerFactory? loggers,
        IReadOnlyDictionary<string, string>? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        loggers ??= NullLoggerFactory.Instance;
        options ??= new Dictionary<string, string>();
        return endpoint.System switch
        {
            "asana" => new AsanaConnector(new AsanaOptions { BaseUrl = endpoint.BaseUrl, PersonalAccessToken = endpoint.Credential("personal_access_token") },
                time, loggers.CreateLogger<AsanaConnector>()),
            "customerp" => new CustomerpConnector(new CustomerpOptions { BaseUrl = endpoint.BaseUrl, ApiToken = endpoint.Credential("api_token") }, time),
            "trello" => new TrelloConnector(new TrelloOptions
            {
                BaseUrl = endpoint.BaseUrl,
                ApiKey = endpoint.Credential("key"),
                ApiToken = endpoint.Credential("token"),
                AppSecret = endpoint.Credentials.GetValueOrDefault("secret"),
                ActionCard = new TrelloCardLocation
                {
                    Board = options.GetValueOrDefault("board") ?? "Tolk",
                    List = options.GetValueOrDefault("list") ?? "Projects",
                    Card = options.GetValueOrDefault("card") ?? "Customerp projects",
                },
            }, time, loggers.CreateLogger<TrelloConnector>()),
            "custompms" => new CustompmsConnector(new CustompmsOptions { BaseUrl = endpoint.BaseUrl, ApiKey = endpoint.Credential("apiKey") },
                time, loggers.CreateLogger<CustompmsConnector>()),
            "crmoffice" => new CrmofficeConnector(new CrmofficeOptions
            {
                BaseUrl = endpoint.BaseUrl,
                ClientId = endpoint.Credential("client_id"),
                ClientSecret = endpoint.Credential("client_secret"),
            }, time),
            "tidsbanken" => new TidsbankenConnector(new TidsbankenOptions
            {
                BaseUrl = endpoint.BaseUrl,
                TbKey = endpoint.Credential("tb-key"),
                SubscriptionKey = endpoint.Credential("Ocp-Apim-Subscription-Key"),
            }, time, loggers.CreateLogger<TidsbankenConnector>()),
            _ => throw new ArgumentException($"Tolk has no connector for the system '{endpoint.System}'", nameof(endpoint)),
        };
    }

    /// <summary>Connectors for every endpoint whose system Tolk can connect to, by system, with the flows' connector options.</summary>
    public static Dictionary<string, IConnector> CreateAll(IEnumerable<SystemEndpoint> endpoints, SyncConfiguration? configuration = null,
        TimeProvider? time = null, ILoggerFactory? loggers = null) =>
        endpoints.Where(e => Systems.Contains(e.System))
            .ToDictionary(e => e.System, e => Create(e, time, loggers, OptionsFor(configuration, e.System)), StringComparer.Ordinal);

    private static Dictionary<string, string> OptionsFor(SyncConfiguration? configuration, string system)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var flow in configuration?.Flows.Where(f => f.Target.System == system) ?? [])
        {
            foreach (var (name, value) in flow.Definition.Options)
            {
                options[name] = value;
            }
        }

        return options;
    }
}
