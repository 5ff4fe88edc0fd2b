namespace Tolk.Runtime.Settings;

/// <summary>The credentials each system's connector needs, by the names <see cref="ConnectorFactory"/> looks them up by.</summary>
public static class KnownSystems
{
    private static readonly Dictionary<string, (string[] Required, string[] Optional)> Credentials = new(StringComparer.Ordinal)
    {
        ["asana"] = (["personal_access_token"], []),
        ["trello"] = (["key", "token"], ["secret"]),
        ["tidsbanken"] = (["tb-key", "Ocp-Apim-Subscription-Key"], []),
        ["customerp"] = (["api_token"], []),
        ["custompms"] = (["apiKey"], []),
        ["crmoffice"] = (["client_id", "client_secret"], []),
    };

    /// <summary>Every system Tolk has a connector for.</summary>
    public static IReadOnlyList<string> Names => ConnectorFactory.Systems;

    /// <summary>The credentials a system cannot work without.</summary>
    public static IReadOnlyList<string> RequiredCredentials(string system) =>
        Credentials.TryGetValue(system, out var names) ? names.Required : [];

    /// <summary>Every credential name a system knows (required and optional).</summary>
    public static IReadOnlyList<string> AllCredentials(string system) =>
        Credentials.TryGetValue(system, out var names) ? [.. names.Required, .. names.Optional] : [];
}
