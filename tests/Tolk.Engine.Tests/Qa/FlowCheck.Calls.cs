using Tolk.Emulation.Calls;

namespace Tolk.Engine.Tests.Qa;

/// <summary>The emulators' call logs: the no-write check, and what a slow cycle called.</summary>
public sealed partial class FlowCheck
{
    private static readonly string[] Systems = ["asana", "trello", "tidsbanken", "customerp", "custompms", "crmoffice"];

    /// <summary>
    /// With nothing changed anywhere, a full cycle (every dataset read, so also what the test's syncs wrote to systems
    /// they did not read: the echoes) makes no API write: no POST, PUT, PATCH or DELETE reaches any emulator. Asana's
    /// <c>POST /batch</c> carries only the connector's GET actions (its reads); Crmoffice's <c>POST /oauth/token</c>
    /// fetches a token.
    /// </summary>
    public async Task AssertNoApiWritesAsync()
    {
        var marks = await CallMarksAsync();
        var report = await harness.Engine.RunCycleAsync();
        var writes = (await CallsSinceAsync(marks)).Where(c => IsWrite(c.Call)).Select(c => $"{c.System}: {c.Call.Method} {c.Call.Path}{c.Call.Query}").ToList();
        Assert.True(report.Writes == 0 && writes.Count == 0, $"flow {flow}: a cycle with nothing changed wrote:\n{string.Join("\n", writes)}");
    }

    private async Task<Dictionary<string, long>> CallMarksAsync()
    {
        var marks = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var system in Systems)
        {
            marks[system] = (await harness.Admin(system).CallsAsync(long.MaxValue)).Total;
        }

        return marks;
    }

    private async Task<List<(string System, CallRecord Call)>> CallsSinceAsync(Dictionary<string, long> marks)
    {
        var calls = new List<(string, CallRecord)>();
        foreach (var (system, mark) in marks)
        {
            calls.AddRange((await harness.Admin(system).CallsAsync(mark)).Calls.Select(c => (system, c)));
        }

        return calls;
    }

    private static bool IsWrite(CallRecord call) =>
        call.Method is "POST" or "PUT" or "PATCH" or "DELETE"
        && !call.Path.StartsWith("/_emulator", StringComparison.Ordinal)
        && !call.Path.EndsWith("/oauth/token", StringComparison.Ordinal)
        && !(call.Method == "POST" && call.Path.EndsWith("/batch", StringComparison.Ordinal) && call.Path.StartsWith("/api/1.0", StringComparison.Ordinal));
}
