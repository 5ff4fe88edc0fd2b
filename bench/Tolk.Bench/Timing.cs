using System.Diagnostics;

namespace Tolk.Bench;

/// <summary>
/// Wall-clock and process CPU time of a piece of work. The machine is shared: wall time is the figure the goals are
/// about, CPU time shows the work itself when other processes hold the cores.
/// </summary>
internal readonly record struct Timing(TimeSpan Wall, TimeSpan Cpu)
{
    public static Timing operator +(Timing a, Timing b) => new(a.Wall + b.Wall, a.Cpu + b.Cpu);

    public static async Task<Timing> MeasureAsync(Func<Task> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await work();
        return new Timing(clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }
}
