using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tolk.Runtime;

namespace Tolk.Engine.Tests.Recovery;

/// <summary>How many records each emulator holds per collection, read through the admin channel (<c>GET /_emulator/</c>).</summary>
internal static class EmulatorCounts
{
    public static async Task<SortedDictionary<string, int>> ReadAsync(Sandbox sandbox)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        using var http = new HttpClient();
        foreach (var running in sandbox.Fleet.Running)
        {
            var description = await http.GetFromJsonAsync<JsonObject>(new Uri(running.HostUrl, "_emulator/"))
                ?? throw new InvalidOperationException($"{running.Emulator.Name}: the admin channel described nothing");
            foreach (var (collection, count) in description["collections"]!.AsObject().Where(c => c.Key != "webhooks"))
            {
                counts[$"{running.Emulator.Name}/{collection}"] = (int)count!;
            }
        }

        return counts;
    }

    /// <summary>The collections whose counts differ, as "system/collection: expected → actual" lines.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, int> expected, IReadOnlyDictionary<string, int> actual) =>
        [.. expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Select(k => $"{k}: {expected.GetValueOrDefault(k)} → {actual.GetValueOrDefault(k)}")];
}
