using System.Text.Json;
using System.Text.Json.Nodes;
using S = Tolk.Tidsbanken.Emulator.Internal.TidsbankenSettings;

namespace Tolk.Tidsbanken.Emulator;

/// <summary>Settings through the admin channel, and the state a reset clears.</summary>
public sealed partial class TidsbankenEmulator
{
    /// <inheritdoc />
    public override JsonObject GetSettings() => new()
    {
        [S.RateLimitKey] = _settings.RateLimit,
        [S.RateLimitWindowSecondsKey] = _settings.RateLimitWindowSeconds,
        [S.SkewKey] = _settings.SkewSistEndretDato,
        [S.MaxTopKey] = _settings.MaxTop,
        [S.MaxBatchKey] = _settings.MaxBatch,
        [S.EnforceMergeKeysKey] = _settings.EnforceMergeKeys,
    };

    /// <inheritdoc />
    public override string? ApplySettings(JsonObject settings)
    {
        // Everything is checked before anything is applied, so a refused request changes nothing.
        foreach (var (key, value) in settings)
        {
            var error = key switch
            {
                S.RateLimitKey or S.RateLimitWindowSecondsKey or S.MaxTopKey or S.MaxBatchKey =>
                    value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n >= 1
                        ? null : "must be a whole number of at least 1",
                S.SkewKey or S.EnforceMergeKeysKey =>
                    value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false",
                _ => "tidsbanken has no such setting",
            };
            if (error is not null)
            {
                return $"{key}: {error}";
            }
        }
        foreach (var (key, value) in settings)
        {
            switch (key)
            {
                case S.RateLimitKey: _settings.RateLimit = value!.GetValue<int>(); break;
                case S.RateLimitWindowSecondsKey: _settings.RateLimitWindowSeconds = value!.GetValue<int>(); break;
                case S.MaxTopKey: _settings.MaxTop = value!.GetValue<int>(); break;
                case S.MaxBatchKey: _settings.MaxBatch = value!.GetValue<int>(); break;
                case S.SkewKey: _settings.SkewSistEndretDato = value!.GetValue<bool>(); break;
                default: _settings.EnforceMergeKeys = value!.GetValue<bool>(); break;
            }
        }
        SyncRateWindow();
        return null;
    }

    /// <summary>
    /// Tidsbanken has no sync tokens or change-log positions: a client's cursor is a <c>SistEndretDato</c> it saw,
    /// which never expires. So there is nothing to expire, and a connector needs no recovery path for it.
    /// </summary>
    public override void ExpireChangeTokens()
    {
    }

    /// <inheritdoc />
    public override void ResetState()
    {
        _settings.Reset();
        _rate.Reset();
        _lastPostId = 0;
        SyncRateWindow();
    }

    private void SyncRateWindow()
    {
        _rate.Limit = _settings.RateLimit;
        _rate.Period = TimeSpan.FromSeconds(_settings.RateLimitWindowSeconds);
    }
}
