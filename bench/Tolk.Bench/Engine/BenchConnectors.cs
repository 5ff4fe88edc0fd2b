using Tolk.Asana;
using Tolk.Connectors;
using Tolk.Crmoffice;
using Tolk.Customerp;
using Tolk.Custompms;
using Tolk.Runtime;
using Tolk.Sync.Configuration;
using Tolk.Tidsbanken;
using Tolk.Trello;

namespace Tolk.Bench.Engine;

/// <summary>
/// The six connectors as <see cref="ConnectorFactory"/> builds them, except that each one's pacing is raised to what
/// the emulators allow once <see cref="LiftedLimits"/> are set: the product's defaults stay those of the real services.
/// </summary>
internal static class BenchConnectors
{
    /// <summary>Admin settings that raise each emulator's rate limit.</summary>
    public static IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonObject> LiftedLimits { get; } = new Dictionary<string, System.Text.Json.Nodes.JsonObject>
    {
        ["asana"] = new() { ["rateLimitPerMinute"] = 600_000 },
        ["trello"] = new() { ["rateLimitsEnabled"] = false },
        ["tidsbanken"] = new() { ["rateLimit"] = 10_000, ["rateLimitWindowSeconds"] = 1 },
        ["customerp"] = new() { ["rateLimit"] = 600_000, ["rateLimitWindowSeconds"] = 60 },
        ["custompms"] = new() { ["rateLimitPerSecond"] = 10_000 },
        ["crmoffice"] = new() { ["requestsPerSecond"] = 10_000 },
    };

    /// <summary>What the connectors' pacing is raised to, for the report.</summary>
    public const string Pacing = "asana 10,000/s, trello 1,000/s, tidsbanken 2,000/s, customerp 10,000/s, custompms 2,000/s, crmoffice 2,000/s";

    /// <summary>The connectors, each timed (see <see cref="TimedConnector"/>).</summary>
    public static Dictionary<string, TimedConnector> Create(IEnumerable<SystemEndpoint> endpoints, SyncConfiguration configuration) =>
        endpoints.ToDictionary(e => e.System, e => new TimedConnector(Create(e, configuration)), StringComparer.Ordinal);

    private static IConnector Create(SystemEndpoint endpoint, SyncConfiguration configuration) => endpoint.System switch
    {
        "asana" => new AsanaConnector(new AsanaOptions
        {
            BaseUrl = endpoint.BaseUrl,
            PersonalAccessToken = endpoint.Credential("personal_access_token"),
            RequestsPerMinute = 600_000,
        }),
        "customerp" => new CustomerpConnector(new CustomerpOptions
        {
            BaseUrl = endpoint.BaseUrl,
            ApiToken = endpoint.Credential("api_token"),
            RequestsPerMinute = 600_000,
        }),
        "trello" => new TrelloConnector(new TrelloOptions
        {
            BaseUrl = endpoint.BaseUrl,
            ApiKey = endpoint.Credential("key"),
            ApiToken = endpoint.Credential("token"),
            AppSecret = endpoint.Credentials.GetValueOrDefault("secret"),
            ActionCard = ActionCard(configuration),
            RequestsPer10Seconds = 10_000,
        }),
        "custompms" => new CustompmsConnector(new CustompmsOptions
        {
            BaseUrl = endpoint.BaseUrl,
            ApiKey = endpoint.Credential("apiKey"),
            PacingPermits = 2_000,
            PacingWindow = TimeSpan.FromSeconds(1),
        }),
        "crmoffice" => new CrmofficeConnector(new CrmofficeOptions
        {
            BaseUrl = endpoint.BaseUrl,
            ClientId = endpoint.Credential("client_id"),
            ClientSecret = endpoint.Credential("client_secret"),
            RequestsPerSecond = 2_000,
        }),
        "tidsbanken" => new TidsbankenConnector(new TidsbankenOptions
        {
            BaseUrl = endpoint.BaseUrl,
            TbKey = endpoint.Credential("tb-key"),
            SubscriptionKey = endpoint.Credential("Ocp-Apim-Subscription-Key"),
            PacingPermits = 2_000,
            PacingWindow = TimeSpan.FromSeconds(1),
        }),
        _ => throw new ArgumentException($"the benchmark has no connector for '{endpoint.System}'", nameof(endpoint)),
    };

    // The card Trello's project comments go to, as the flows targeting Trello name it.
    private static TrelloCardLocation ActionCard(SyncConfiguration configuration)
    {
        var options = configuration.Flows.Where(f => f.Target.System == "trello").SelectMany(f => f.Definition.Options)
            .GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        return new TrelloCardLocation
        {
            Board = options.GetValueOrDefault("board") ?? "Tolk",
            List = options.GetValueOrDefault("list") ?? "Projects",
            Card = options.GetValueOrDefault("card") ?? "Customerp projects",
        };
    }
}
