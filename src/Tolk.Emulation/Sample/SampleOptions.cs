namespace Tolk.Emulation.Sample;

/// <summary>The seed and scale of an emulator's sample data. Scale 1 is the demo size.</summary>
public sealed record SampleOptions(int Seed = 42, double Scale = 1.0)
{
    /// <summary>The small size used by most tests: a tenth of the demo.</summary>
    public static SampleOptions Small { get; } = new(42, 0.1);

    /// <summary>The demo size.</summary>
    public static SampleOptions Demo { get; } = new(42, 1.0);

    /// <summary>
    /// Parses a size: <c>small</c>, <c>demo</c>, <c>large</c> (factor 85: over 100,000 records across the six systems) or a factor
    /// such as <c>2.5</c>; null with an error message otherwise.
    /// </summary>
    public static (double? Scale, string? Error) ParseSize(string text) => text.Trim().ToLowerInvariant() switch
    {
        "small" => (0.1, null),
        "demo" => (1.0, null),
        "large" => (85.0, null),
        var t when double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var f) && f > 0 && f <= 1000
            => (f, null),
        _ => (null, $"size: '{text}' is not small, demo, large or a factor between 0 and 1000"),
    };
}
