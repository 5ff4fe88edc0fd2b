using System.Text.Json;
using System.Text.Json.Nodes;
using A = Tolk.Custompms.Emulator.CustompmsAssumptions;

namespace Tolk.Custompms.Emulator.Internal;

/// <summary>The emulator's adjustable settings, as the admin channel reads and writes them.</summary>
internal sealed class CustompmsSettings
{
    public const string RateLimitKey = "rateLimitPerSecond";
    public const string RetentionKey = "changeLogRetentionSeconds";
    public const string IdempotencyKey = "idempotencyRetentionSeconds";

    public int RateLimitPerSecond { get; private set; } = A.RateLimitPerSecond;

    public int ChangeLogRetentionSeconds { get; private set; } = A.ChangeLogRetentionSeconds;

    public int IdempotencyRetentionSeconds { get; private set; } = A.IdempotencyRetentionSeconds;

    public JsonObject ToJson() => new()
    {
        [RateLimitKey] = RateLimitPerSecond,
        [RetentionKey] = ChangeLogRetentionSeconds,
        [IdempotencyKey] = IdempotencyRetentionSeconds,
    };

    /// <summary>Applies all settings or none; returns the first bad one's message.</summary>
    public string? Apply(JsonObject settings)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, node) in settings)
        {
            if (name is not (RateLimitKey or RetentionKey or IdempotencyKey))
            {
                return $"{name}: custompms has no such setting; it has {RateLimitKey}, {RetentionKey} and {IdempotencyKey}";
            }
            if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<int>(out var n) || n < 1)
            {
                return $"{name}: must be a whole number of at least 1";
            }
            values[name] = n;
        }
        RateLimitPerSecond = values.GetValueOrDefault(RateLimitKey, RateLimitPerSecond);
        ChangeLogRetentionSeconds = values.GetValueOrDefault(RetentionKey, ChangeLogRetentionSeconds);
        IdempotencyRetentionSeconds = values.GetValueOrDefault(IdempotencyKey, IdempotencyRetentionSeconds);
        return null;
    }

    public void Reset()
    {
        RateLimitPerSecond = A.RateLimitPerSecond;
        ChangeLogRetentionSeconds = A.ChangeLogRetentionSeconds;
        IdempotencyRetentionSeconds = A.IdempotencyRetentionSeconds;
    }
}
