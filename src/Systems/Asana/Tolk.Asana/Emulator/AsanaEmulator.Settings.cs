using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;

namespace Tolk.Asana.Emulator;

/// <summary>The admin channel's settings, token expiry and reset.</summary>
public sealed partial class AsanaEmulator
{
    private static readonly Dictionary<string, (int Min, int Max)> IntSettings = new(StringComparer.Ordinal)
    {
        ["rateLimitPerMinute"] = (1, 1_000_000),
        ["concurrentReads"] = (1, 10_000),
        ["concurrentWrites"] = (1, 10_000),
        ["syncTokenTtlSeconds"] = (1, 30 * 86_400),
        ["offsetTokenTtlSeconds"] = (0, 30 * 86_400),
        ["eventsPerCall"] = (1, 100),
        ["maxUnpaginatedResults"] = (1, 1_000_000),
        ["webhookHeartbeatSeconds"] = (0, 30 * 86_400),
        ["webhookTimeoutSeconds"] = (1, 600),
        ["webhookRetryHours"] = (0, 24 * 30),
    };

    /// <inheritdoc />
    public override JsonObject GetSettings() => new()
    {
        ["rateLimitPerMinute"] = _limits.Window.Limit,
        ["concurrentReads"] = _limits.Reads.Limit,
        ["concurrentWrites"] = _limits.Writes.Limit,
        ["syncTokenTtlSeconds"] = (int)_sync.Lifetime.TotalSeconds,
        ["offsetTokenTtlSeconds"] = (int)(_offsets.Lifetime?.TotalSeconds ?? 0),
        ["eventsPerCall"] = EventsPerCall,
        ["maxUnpaginatedResults"] = _pager.MaxUnpaginated,
        ["webhookHeartbeatSeconds"] = (int)(HeartbeatInterval?.TotalSeconds ?? 0),
        ["webhookTimeoutSeconds"] = (int)WebhookTimeout.TotalSeconds,
        ["webhookRetryHours"] = (int)WebhookRetryWindow.TotalHours,
        ["personUserGid"] = PersonUserGid,
    };

    /// <inheritdoc />
    public override string? ApplySettings(JsonObject settings)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        string? person = null;
        foreach (var (key, node) in settings)
        {
            if (key == "personUserGid")
            {
                person = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
                if (person is null || !Users.Contains(person))
                {
                    return $"personUserGid: must be the gid of a user, not {Input.Show(node)}";
                }
                continue;
            }
            if (!IntSettings.TryGetValue(key, out var range))
            {
                return $"{key}: {Name} has no such setting; it has {string.Join(", ", IntSettings.Keys.Append("personUserGid"))}";
            }
            if (node is not JsonValue number || number.GetValueKind() != JsonValueKind.Number || !number.TryGetValue<int>(out var value)
                || value < range.Min || value > range.Max)
            {
                return $"{key}: must be a whole number from {range.Min} to {range.Max.ToString(CultureInfo.InvariantCulture)}, not {Input.Show(node)}";
            }
            values[key] = value;
        }
        foreach (var (key, value) in values)
        {
            Apply(key, value);
        }
        if (person is not null)
        {
            PersonUserGid = person;
        }
        return null;
    }

    /// <inheritdoc />
    public override void ExpireChangeTokens()
    {
        _sync.ExpireAll();
        _offsets.ExpireAll();
    }

    /// <inheritdoc />
    public override void ResetState()
    {
        _gids.Reset();
        _names.Clear();
        _events.Clear();
        _hookSecrets.Clear();
        _trash.Clear();
        Interlocked.Increment(ref _generation);
        _limits.Reset();
        _phrases.Reset();
        ExpireChangeTokens();
        ApplyDefaultSettings();
    }

    private void ApplyDefaultSettings()
    {
        _limits.Window.Limit = 150;
        _limits.Reads.Limit = 50;
        _limits.Writes.Limit = 15;
        _sync.Lifetime = TimeSpan.FromHours(24);
        _offsets.Lifetime = null;
        EventsPerCall = 100;
        _pager.MaxUnpaginated = 1000;
        WebhookTimeout = TimeSpan.FromSeconds(10);
        WebhookRetryWindow = TimeSpan.FromHours(24);
        PersonUserGid = Gids.For(ResourceTypes.User, 1);
        // Asana sends heartbeats every 8 hours; on an injected clock (tests) they stay off until a test turns them on.
        HeartbeatInterval = ReferenceEquals(Context.Time, TimeProvider.System) ? TimeSpan.FromHours(8) : null;
    }

    private void Apply(string key, int value)
    {
        switch (key)
        {
            case "rateLimitPerMinute": _limits.Window.Limit = value; break;
            case "concurrentReads": _limits.Reads.Limit = value; break;
            case "concurrentWrites": _limits.Writes.Limit = value; break;
            case "syncTokenTtlSeconds": _sync.Lifetime = TimeSpan.FromSeconds(value); break;
            case "offsetTokenTtlSeconds": _offsets.Lifetime = value == 0 ? null : TimeSpan.FromSeconds(value); break;
            case "eventsPerCall": EventsPerCall = value; break;
            case "maxUnpaginatedResults": _pager.MaxUnpaginated = value; break;
            case "webhookHeartbeatSeconds": HeartbeatInterval = value == 0 ? null : TimeSpan.FromSeconds(value); break;
            case "webhookTimeoutSeconds": WebhookTimeout = TimeSpan.FromSeconds(value); break;
            case "webhookRetryHours": WebhookRetryWindow = TimeSpan.FromHours(value); break;
        }
    }
}
