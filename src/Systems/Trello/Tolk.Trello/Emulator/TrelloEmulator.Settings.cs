using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Emulation.Limits;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    internal TrelloSettings Settings { get; } = new();

    /// <inheritdoc />
    public override JsonObject GetSettings() => new()
    {
        ["rateLimitsEnabled"] = Limits.Enabled,
        ["keyLimit"] = Limits.Key.Limit,
        ["keyIntervalMs"] = (long)Limits.Key.Period.TotalMilliseconds,
        ["tokenLimit"] = Limits.Token.Limit,
        ["tokenIntervalMs"] = (long)Limits.Token.Period.TotalMilliseconds,
        ["membersLimit"] = Limits.Member.Limit,
        ["membersIntervalMs"] = (long)Limits.Member.Period.TotalMilliseconds,
        ["keyShutOutAfter429s"] = Limits.Refusals.Limit,
        ["webhookRetries"] = Settings.WebhookRetries,
        ["webhookRetryBaseSeconds"] = Settings.WebhookRetryBaseSeconds,
        ["webhookTimeoutSeconds"] = Settings.WebhookTimeoutSeconds,
        ["handshakeTimeoutSeconds"] = Settings.HandshakeTimeoutSeconds,
        ["webhookDisableAfterFailures"] = Settings.DisableAfterFailures,
        ["webhookDisableAfterDays"] = Settings.DisableAfterDays,
    };

    /// <inheritdoc />
    public override string? ApplySettings(JsonObject settings)
    {
        var known = GetSettings();
        // Check everything before changing anything, so a bad setting leaves all as they were.
        foreach (var (name, value) in settings)
        {
            if (!known.ContainsKey(name))
            {
                return $"{name}: trello has no such setting";
            }
            var kind = value?.GetValueKind();
            if (name == "rateLimitsEnabled" ? kind is not (JsonValueKind.True or JsonValueKind.False)
                : kind != JsonValueKind.Number || Number(value!) is < 0 or > 1e9)
            {
                return $"{name}: must be {(name == "rateLimitsEnabled" ? "true or false" : "a number from 0 to 1e9")}";
            }
            if (name.EndsWith("IntervalMs", StringComparison.Ordinal) && Number(value!) < 1)
            {
                return $"{name}: must be at least 1";
            }
        }
        foreach (var (name, value) in settings)
        {
            Apply(name, value!);
        }
        return null;
    }

    private void Apply(string name, JsonNode value)
    {
        var number = value.GetValueKind() == JsonValueKind.Number ? Number(value) : 0;
        switch (name)
        {
            case "rateLimitsEnabled": Limits.Enabled = value.GetValue<bool>(); break;
            case "keyLimit": Limits.Key.Limit = (int)number; break;
            case "keyIntervalMs": SetPeriod(Limits.Key, number); Limits.Refusals.Period = Limits.Key.Period; break;
            case "tokenLimit": Limits.Token.Limit = (int)number; break;
            case "tokenIntervalMs": SetPeriod(Limits.Token, number); break;
            case "membersLimit": Limits.Member.Limit = (int)number; break;
            case "membersIntervalMs": SetPeriod(Limits.Member, number); break;
            case "keyShutOutAfter429s": Limits.Refusals.Limit = (int)number; break;
            case "webhookRetries": Settings.WebhookRetries = (int)number; break;
            case "webhookRetryBaseSeconds": Settings.WebhookRetryBaseSeconds = number; break;
            case "webhookTimeoutSeconds": Settings.WebhookTimeoutSeconds = number; break;
            case "handshakeTimeoutSeconds": Settings.HandshakeTimeoutSeconds = number; break;
            case "webhookDisableAfterFailures": Settings.DisableAfterFailures = (int)number; break;
            case "webhookDisableAfterDays": Settings.DisableAfterDays = number; break;
        }
    }

    // Values built in code (ints) and parsed from JSON (elements) both read as doubles this way.
    private static double Number(JsonNode value) =>
        double.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    private static void SetPeriod(RateWindow window, double ms) => window.Period = TimeSpan.FromMilliseconds(ms);

    /// <summary>
    /// Trello has no sync tokens or change-log positions that expire: <c>since</c> takes any action id or date, and
    /// actions are kept for good. So there is nothing to expire.
    /// </summary>
    public override void ExpireChangeTokens()
    {
    }

    /// <summary>Forgets webhooks' tokens and the rate windows, and puts every setting back to Trello's values.</summary>
    public override void ResetState()
    {
        _webhookTokens.Clear();
        _creators.Clear();
        Limits.Reset();
        ApplySettings((JsonObject)_defaultSettings.DeepClone());
    }
}
