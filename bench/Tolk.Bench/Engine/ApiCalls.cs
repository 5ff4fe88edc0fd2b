using Tolk.Emulation.Calls;

namespace Tolk.Bench.Engine;

/// <summary>
/// API calls as the emulators logged them, per system: reads (GET, and Asana's <c>POST /batch</c> of GET actions) and
/// writes (every other call but token requests).
/// </summary>
internal sealed class ApiCalls
{
    private readonly Dictionary<string, (int Reads, int Writes)> _bySystem = new(StringComparer.Ordinal);

    public long Total { get; private set; }

    public int Reads => _bySystem.Values.Sum(c => c.Reads);

    public int Writes => _bySystem.Values.Sum(c => c.Writes);

    public void Add(string system, long total, IReadOnlyList<CallRecord> calls)
    {
        Total += total;
        var reads = calls.Count(IsRead);
        _bySystem[system] = (reads, calls.Count(c => !IsRead(c) && !IsAuth(c)));
    }

    public string PerSystem() =>
        string.Join(", ", _bySystem.Where(s => s.Value.Reads + s.Value.Writes > 0).Select(s => $"{s.Key} {s.Value.Reads}r/{s.Value.Writes}w"));

    // The Asana connector reads through batches of GET actions; it writes through the resources themselves.
    private static bool IsRead(CallRecord call) =>
        call.Method == "GET" || (call.Method == "POST" && call.Path.EndsWith("/batch", StringComparison.Ordinal));

    private static bool IsAuth(CallRecord call) => call.Path.Contains("/oauth", StringComparison.OrdinalIgnoreCase);
}
