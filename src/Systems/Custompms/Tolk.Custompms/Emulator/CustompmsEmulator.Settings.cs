using System.Text.Json.Nodes;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    /// <inheritdoc />
    /// <remarks><c>rateLimitPerSecond</c>, <c>changeLogRetentionSeconds</c> and <c>idempotencyRetentionSeconds</c>.</remarks>
    public override JsonObject GetSettings() => _settings.ToJson();

    /// <inheritdoc />
    public override string? ApplySettings(JsonObject settings)
    {
        var error = _settings.Apply(settings);
        _rate.Limit = _settings.RateLimitPerSecond;
        return error;
    }

    /// <inheritdoc />
    /// <remarks>Settings go back to their defaults too, so every reset starts from the contract as written.</remarks>
    public override void ResetState()
    {
        lock (_sync)
        {
            _settings.Reset();
            _rate.Limit = _settings.RateLimitPerSecond;
            _rate.Reset();
            _idempotency.Clear();
            _changes.Restart(0);
            _nextKey = 1;
            foreach (var c in _collections.Values)
            {
                c.Order.Clear();
                c.Issued = 0;
            }
        }
    }
}
