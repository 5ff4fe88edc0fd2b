using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Emulation.Webhooks;

namespace Tolk.Crmoffice.Emulator;

public sealed partial class CrmofficeEmulator
{
    private static readonly string[] SettingNames =
        ["requestsPerSecond", "tokenLifetimeSeconds", "webhookMaxAttempts", "webhookFirstRetrySeconds", "webhookTimeoutSeconds"];

    private int TokenLifetimeSeconds { get; set; } = CrmofficeAssumptions.TokenLifetimeSeconds;
    private int WebhookMaxAttempts { get; set; } = CrmofficeAssumptions.WebhookMaxAttempts;
    private int WebhookFirstRetrySeconds { get; set; } = CrmofficeAssumptions.WebhookFirstRetrySeconds;
    private int WebhookTimeoutSeconds { get; set; } = CrmofficeAssumptions.WebhookTimeoutSeconds;

    /// <inheritdoc />
    public override JsonObject GetSettings() => new()
    {
        ["requestsPerSecond"] = _rate.Limit,
        ["tokenLifetimeSeconds"] = TokenLifetimeSeconds,
        ["webhookMaxAttempts"] = WebhookMaxAttempts,
        ["webhookFirstRetrySeconds"] = WebhookFirstRetrySeconds,
        ["webhookTimeoutSeconds"] = WebhookTimeoutSeconds,
    };

    /// <inheritdoc />
    public override string? ApplySettings(JsonObject settings)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, node) in settings)
        {
            if (!SettingNames.Contains(key))
            {
                return $"{key}: crmoffice has no such setting (it has {string.Join(", ", SettingNames)})";
            }
            if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<int>(out var n) || n < 1)
            {
                return $"{key}: must be a positive integer";
            }
            values[key] = n;
        }
        foreach (var (key, n) in values)
        {
            switch (key)
            {
                case "requestsPerSecond": _rate.Limit = n; break;
                case "tokenLifetimeSeconds": TokenLifetimeSeconds = n; break;
                case "webhookMaxAttempts": WebhookMaxAttempts = n; break;
                case "webhookFirstRetrySeconds": WebhookFirstRetrySeconds = n; break;
                default: WebhookTimeoutSeconds = n; break;
            }
        }
        return null;
    }

    /// <summary>Crmoffice has no sync tokens (change detection is <c>updatedAfter</c>); what an outage expires is the
    /// OAuth access tokens, so every client must fetch a new one.</summary>
    public override void ExpireChangeTokens() => _tokens.Clear();

    /// <inheritdoc />
    public override void ResetState()
    {
        _records.Reset();
        _tokens.Clear();
        _rate.Reset();
        _rate.Limit = CrmofficeAssumptions.RequestsPerSecond;
        TokenLifetimeSeconds = CrmofficeAssumptions.TokenLifetimeSeconds;
        WebhookMaxAttempts = CrmofficeAssumptions.WebhookMaxAttempts;
        WebhookFirstRetrySeconds = CrmofficeAssumptions.WebhookFirstRetrySeconds;
        WebhookTimeoutSeconds = CrmofficeAssumptions.WebhookTimeoutSeconds;
        Interlocked.Increment(ref _generation);
    }

    private WebhookRetryPolicy RetryPolicy() => new(
        WebhookMaxAttempts,
        WebhookRetryPolicy.Exponential(TimeSpan.FromSeconds(WebhookFirstRetrySeconds),
            TimeSpan.FromSeconds(CrmofficeAssumptions.WebhookMaxRetrySeconds)),
        TimeSpan.FromSeconds(WebhookTimeoutSeconds));
}
