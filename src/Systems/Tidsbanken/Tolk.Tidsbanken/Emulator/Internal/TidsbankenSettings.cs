namespace Tolk.Tidsbanken.Emulator.Internal;

/// <summary>The emulator's adjustable settings; see <see cref="TidsbankenAssumptions"/> for the defaults and why.</summary>
internal sealed class TidsbankenSettings
{
    public const string RateLimitKey = "rateLimit";
    public const string RateLimitWindowSecondsKey = "rateLimitWindowSeconds";
    public const string SkewKey = "skewSistEndretDato";
    public const string MaxTopKey = "maxTop";
    public const string MaxBatchKey = "maxBatch";
    public const string EnforceMergeKeysKey = "enforceMergeKeys";

    public int RateLimit { get; set; } = TidsbankenAssumptions.RateLimitPerWindow;

    public int RateLimitWindowSeconds { get; set; } = TidsbankenAssumptions.RateLimitWindowSeconds;

    public bool SkewSistEndretDato { get; set; } = TidsbankenAssumptions.SkewOnByDefault;

    public int MaxTop { get; set; } = TidsbankenAssumptions.MaxTop;

    public int MaxBatch { get; set; } = TidsbankenAssumptions.MaxBatch;

    public bool EnforceMergeKeys { get; set; } = TidsbankenAssumptions.EnforceMergeKeys;

    /// <summary>Back to the defaults, as after a reset.</summary>
    public void Reset()
    {
        var defaults = new TidsbankenSettings();
        RateLimit = defaults.RateLimit;
        RateLimitWindowSeconds = defaults.RateLimitWindowSeconds;
        SkewSistEndretDato = defaults.SkewSistEndretDato;
        MaxTop = defaults.MaxTop;
        MaxBatch = defaults.MaxBatch;
        EnforceMergeKeys = defaults.EnforceMergeKeys;
    }
}
