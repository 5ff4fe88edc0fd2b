using System.Text.Json.Nodes;
using Tolk.Runtime;

namespace Tolk.Engine.KillHarness;

/// <summary>
/// The endpoints the test hands over on standard input, in the shape <c>EmulatorFleet.Describe</c> writes
/// (<c>{"asana": {"baseUrl": ..., "credentials": {...}}, ...}</c>), so credentials never appear in a process listing.
/// </summary>
internal static class HarnessEndpoints
{
    public static IReadOnlyList<SystemEndpoint> Parse(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject systems)
        {
            throw new FormatException("standard input: expected one JSON object of systems");
        }

        var endpoints = new List<SystemEndpoint>();
        foreach (var (system, node) in systems)
        {
            var baseUrl = (string?)node?["baseUrl"] ?? throw new FormatException($"standard input: {system}.baseUrl is missing");
            var credentials = (node!["credentials"] as JsonObject ?? throw new FormatException($"standard input: {system}.credentials is missing"))
                .ToDictionary(c => c.Key, c => (string?)c.Value ?? throw new FormatException($"standard input: {system}.credentials.{c.Key} is not a string"),
                    StringComparer.Ordinal);
            endpoints.Add(new SystemEndpoint(system, new Uri(baseUrl), credentials));
        }

        return endpoints;
    }
}
