namespace Tolk.Cli.Output;

/// <summary>Times as a person reads them in a table: how long ago, and durations in their largest sensible unit.</summary>
internal static class Ago
{
    /// <summary>"just now", "12s ago", "5m ago", "3h ago", "2d ago"; "never" for null.</summary>
    public static string Since(DateTimeOffset? then, DateTimeOffset now) => then is { } t ? $"{Span(now - t)} ago" : "never";

    /// <summary>"850ms", "12s", "5m 3s", "3h 20m", "2d 4h".</summary>
    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalSeconds < 1 ? $"{span.TotalMilliseconds:0}ms"
            : span.TotalMinutes < 1 ? $"{span.TotalSeconds:0}s"
            : span.TotalHours < 1 ? $"{span.Minutes}m {span.Seconds}s"
            : span.TotalDays < 1 ? $"{span.Hours}h {span.Minutes}m"
            : $"{(int)span.TotalDays}d {span.Hours}h";
    }
}
