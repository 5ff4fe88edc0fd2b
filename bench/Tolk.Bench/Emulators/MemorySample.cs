namespace Tolk.Bench.Emulators;

/// <summary>
/// The child's memory at one point: its resident set at the end of the work, then its resident set and live GC heap after
/// a full collection that hands free memory back (what the process really keeps, without the garbage of the moment).
/// </summary>
internal sealed record MemorySample(string Stage, long RssBytes, long RetainedRssBytes, long LiveHeapBytes, long CommittedBytes, int RecordsRead, int Writes, int Edits,
    TimeSpan Took);

/// <summary>The table the benchmark prints, and its verdict on whether memory stays flat.</summary>
internal static class MemoryReport
{
    /// <summary>The last round's retained RSS may be at most this much above the first round's.</summary>
    public const double FlatTolerance = 0.10;

    public static void PrintHeader()
    {
        Console.WriteLine($"  {"stage",-12} {"records read",12} {"writes",7} {"edits",6} {"RSS MB",8} {"after GC MB",12} {"live heap MB",13} {"GC committed MB",16} {"took s",7}");
    }

    public static void Print(MemorySample s) =>
        Console.WriteLine($"  {s.Stage,-12} {(s.RecordsRead > 0 ? s.RecordsRead.ToString("N0") : "-"),12} {s.Writes,7} {s.Edits,6} " +
                          $"{Mb(s.RssBytes),8:N1} {Mb(s.RetainedRssBytes),12:N1} {Mb(s.LiveHeapBytes),13:N1} {Mb(s.CommittedBytes),16:N1} {s.Took.TotalSeconds,7:N1}");

    /// <summary>Prints peak and slope and the PASS/FAIL line; true when memory stayed flat.</summary>
    public static bool Verdict(IReadOnlyList<MemorySample> rounds, long peakRssBytes)
    {
        var first = rounds[0];
        var last = rounds[^1];
        Console.WriteLine($"  peak RSS (VmHWM) {Mb(peakRssBytes):N1} MB; slope over the rounds in MB/round: RSS {Slope(rounds, s => s.RssBytes):+0.0;-0.0}, " +
                          $"after GC {Slope(rounds, s => s.RetainedRssBytes):+0.0;-0.0}, live heap {Slope(rounds, s => s.LiveHeapBytes):+0.00;-0.00}, GC committed {Slope(rounds, s => s.CommittedBytes):+0.00;-0.00}");
        var growth = (double)(last.RetainedRssBytes - first.RetainedRssBytes) / first.RetainedRssBytes;
        var flat = growth <= FlatTolerance;
        Console.WriteLine($"{(flat ? "PASS" : "FAIL")}: memory stays flat: the last round's RSS after GC {Mb(last.RetainedRssBytes):N1} MB is " +
                          $"{growth:+0.0%;-0.0%} against round 1's {Mb(first.RetainedRssBytes):N1} MB (allowed: +{FlatTolerance:0%})");
        return flat;
    }

    // Least-squares slope of the samples against their round number, in MB per round.
    private static double Slope(IReadOnlyList<MemorySample> rounds, Func<MemorySample, long> value)
    {
        if (rounds.Count < 2)
        {
            return 0;
        }
        var n = rounds.Count;
        var meanX = (n - 1) / 2.0;
        var meanY = rounds.Average(s => Mb(value(s)));
        double num = 0, den = 0;
        for (var i = 0; i < n; i++)
        {
            num += (i - meanX) * (Mb(value(rounds[i])) - meanY);
            den += (i - meanX) * (i - meanX);
        }
        return num / den;
    }

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;
}
