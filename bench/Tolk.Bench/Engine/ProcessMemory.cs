using System.Globalization;

namespace Tolk.Bench.Engine;

/// <summary>This process's resident set from /proc: the current size, the peak (VmHWM) and a reset of the peak.</summary>
internal static class ProcessMemory
{
    /// <summary>Starts a new peak (writing 5 to clear_refs resets VmHWM); false where the kernel does not allow it.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long PeakBytes() => Read("VmHWM");

    public static long CurrentBytes() => Read("VmRSS");

    private static long Read(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/self/status has no {field} line");
    }
}
