using System.Text.Json.Nodes;
using Tolk.Asana;
using Tolk.Crmoffice;
using Tolk.Customerp;
using Tolk.Custompms;
using Tolk.Tidsbanken;

namespace Tolk.Bench.Emulators;

/// <summary>
/// The six loads, and the admin settings that lift each emulator's rate limit: the benchmark is about the emulators'
/// memory, and at the real limits one round at large size would take many minutes of waiting.
/// </summary>
internal static class Loads
{
    public static IReadOnlyDictionary<string, JsonObject> LiftedLimits { get; } = new Dictionary<string, JsonObject>
    {
        ["asana"] = new() { ["rateLimitPerMinute"] = 60_000 },
        ["trello"] = new() { ["rateLimitsEnabled"] = false },
        ["tidsbanken"] = new() { ["rateLimit"] = 1_000 },
        ["customerp"] = new() { ["rateLimit"] = 60_000 },
        ["custompms"] = new() { ["rateLimitPerSecond"] = 1_000 },
        ["crmoffice"] = new() { ["requestsPerSecond"] = 1_000 },
    };

    public static IReadOnlyList<SystemLoad> Create(EmulatorHost host, HttpClient trello) =>
    [
        new ConnectorLoad(new AsanaConnector(new AsanaOptions
        {
            BaseUrl = host.BaseUrl("asana"),
            PersonalAccessToken = host.Credential("asana", "personal_access_token"),
            RequestsPerMinute = 60_000,
        }), "task", "tasks", "gid", "notes"),
        new TrelloLoad(trello, host.Credential("trello", "key"), host.Credential("trello", "token")),
        new ConnectorLoad(new TidsbankenConnector(new TidsbankenOptions
        {
            BaseUrl = host.BaseUrl("tidsbanken"),
            TbKey = host.Credential("tidsbanken", "tb-key"),
            SubscriptionKey = host.Credential("tidsbanken", "Ocp-Apim-Subscription-Key"),
            PacingPermits = 1_000,
            PacingWindow = TimeSpan.FromSeconds(1),
        }), "kunde", "Kunde", "Id", "Mobil"),
        new ConnectorLoad(new CustomerpConnector(new CustomerpOptions
        {
            BaseUrl = host.BaseUrl("customerp"),
            ApiToken = host.Credential("customerp", "api_token"),
            RequestsPerMinute = 60_000,
        }), "customer", "customers", "id", "notes"),
        new ConnectorLoad(new CustompmsConnector(new CustompmsOptions
        {
            BaseUrl = host.BaseUrl("custompms"),
            ApiKey = host.Credential("custompms", "apiKey"),
            PacingPermits = 1_000,
            PacingWindow = TimeSpan.FromSeconds(1),
        }), "customer", "customers", "id", "phone"),
        new ConnectorLoad(new CrmofficeConnector(new CrmofficeOptions
        {
            BaseUrl = host.BaseUrl("crmoffice"),
            ClientId = host.Credential("crmoffice", "client_id"),
            ClientSecret = host.Credential("crmoffice", "client_secret"),
            RequestsPerSecond = 1_000,
        }), "company", "companies", "id", "description"),
    ];
}
