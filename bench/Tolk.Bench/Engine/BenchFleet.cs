using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tolk.Bench.Emulators;
using Tolk.Emulation.Admin;
using Tolk.Runtime;

namespace Tolk.Bench.Engine;

/// <summary>
/// The six emulators in their own process (so the benchmark's memory is the engine's alone), with an admin client per
/// system, their endpoints for the connectors, and the calls each has received.
/// </summary>
internal sealed class BenchFleet : IAsyncDisposable
{
    private readonly EmulatorHost _host;
    private readonly Dictionary<string, HttpClient> _http = new(StringComparer.Ordinal);

    private BenchFleet(EmulatorHost host)
    {
        _host = host;
        foreach (var (system, _) in host.Systems)
        {
            _http[system] = new HttpClient { BaseAddress = host.AdminUrl(system), Timeout = TimeSpan.FromMinutes(5) };
            Admin[system] = new EmulatorAdminClient(_http[system]);
        }

        Endpoints = [.. host.Systems.Select(s => new SystemEndpoint(s.Key, host.BaseUrl(s.Key),
            s.Value!["credentials"]!.AsObject().ToDictionary(c => c.Key, c => (string)c.Value!, StringComparer.Ordinal)))];
    }

    public Dictionary<string, EmulatorAdminClient> Admin { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<SystemEndpoint> Endpoints { get; }

    public static async Task<BenchFleet> StartAsync(string size) => new(await EmulatorHost.StartAsync(size, TimeSpan.FromMinutes(5)));

    /// <summary>Raises every emulator's rate limit; returns the settings as applied, for the report.</summary>
    public async Task<string> LiftLimitsAsync()
    {
        var applied = new List<string>();
        foreach (var (system, limits) in BenchConnectors.LiftedLimits)
        {
            await Admin[system].SetSettingsAsync((JsonObject)limits.DeepClone());
            applied.Add($"{system} {limits.ToJsonString()}");
        }

        return string.Join(", ", applied);
    }

    /// <summary>Records per system (all collections but webhooks), from each admin channel's description.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountRecordsAsync()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (system, http) in _http)
        {
            var description = await http.GetFromJsonAsync<JsonObject>("") ?? throw new InvalidOperationException($"{system}: no description");
            counts[system] = description["collections"]!.AsObject().Where(c => c.Key != "webhooks").Sum(c => (int)c.Value!);
        }

        return counts;
    }

    /// <summary>A fingerprint of every record in every emulator, by system, collection and id.</summary>
    public async Task<Dictionary<string, string>> SnapshotAsync()
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (system, http) in _http)
        {
            var description = await http.GetFromJsonAsync<JsonObject>("") ?? throw new InvalidOperationException($"{system}: no description");
            foreach (var (collection, _) in description["collections"]!.AsObject().Where(c => c.Key != "webhooks"))
            {
                var index = 0;
                foreach (var record in await Admin[system].ListAsync(collection))
                {
                    var id = (record["id"] ?? record["Id"] ?? record["gid"])?.ToString() ?? $"#{index}";
                    snapshot[$"{system}/{collection}/{id}"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
                        System.Text.Encoding.UTF8.GetBytes(record.ToJsonString())));
                    index++;
                }
            }
        }

        return snapshot;
    }

    /// <summary>How many records are new or different in <paramref name="after"/>.</summary>
    public static int Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        after.Count(a => !before.TryGetValue(a.Key, out var old) || old != a.Value);

    public async Task ClearCallsAsync()
    {
        foreach (var admin in Admin.Values)
        {
            await admin.ClearCallsAsync();
        }
    }

    /// <summary>The calls every emulator received since the logs were cleared (the latest 10,000 of each).</summary>
    public async Task<ApiCalls> CallsAsync()
    {
        var calls = new ApiCalls();
        foreach (var (system, admin) in Admin)
        {
            var page = await admin.CallsAsync();
            calls.Add(system, page.Total, page.Calls);
        }

        return calls;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var http in _http.Values)
        {
            http.Dispose();
        }

        await _host.DisposeAsync();
    }
}
