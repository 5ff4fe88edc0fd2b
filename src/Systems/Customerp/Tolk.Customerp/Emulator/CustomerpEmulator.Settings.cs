using System.Text.Json.Nodes;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    /// <inheritdoc />
    /// <remarks>
    /// <c>rateLimit</c>, <c>rateLimitWindowSeconds</c>, <c>cursorLifetimeSeconds</c>, <c>idempotencyWindowHours</c>,
    /// <c>webhookMaxAttempts</c>, <c>webhookFirstRetrySeconds</c>, <c>webhookTimeoutSeconds</c>, <c>webhookVerify</c>.
    /// </remarks>
    public override JsonObject GetSettings() => _settings.ToJson();

    /// <inheritdoc />
    public override string? ApplySettings(JsonObject settings)
    {
        var error = _settings.Apply(settings);
        _rate.Limit = _settings.RateLimit;
        _rate.Period = TimeSpan.FromSeconds(_settings.RateLimitWindowSeconds);
        return error;
    }

    /// <inheritdoc />
    /// <remarks>Customerp's change positions are its list cursors: a new generation makes every issued cursor expired.</remarks>
    public override void ExpireChangeTokens() => Interlocked.Increment(ref _generation);

    /// <inheritdoc />
    public override void ResetState()
    {
        lock (_sync)
        {
            foreach (var collection in _collections.Values)
            {
                collection.Index.Clear();
                collection.NextId = 0;
            }
            _secrets.Clear();
            _nextWebhookId = 0;
            _idempotency.Clear();
            _settings.Reset();
            _rate.Reset();
            _rate.Limit = _settings.RateLimit;
            _rate.Period = TimeSpan.FromSeconds(_settings.RateLimitWindowSeconds);
            // Cursors issued before the reset point into data that no longer exists.
            Interlocked.Increment(ref _generation);
        }
    }
}
