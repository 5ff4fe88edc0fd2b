namespace Tolk.Emulation.Calls;

/// <summary>One API call an emulator received, as its admin channel reports it.</summary>
public sealed record CallRecord(
    long Seq,
    DateTimeOffset At,
    string Method,
    string Path,
    string Query,
    int Status,
    double DurationMs,
    string? Fault);
