using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Tolk.Server.Tests.Harness;

/// <summary>The sample's deliberate ambiguities as the management API lists them.</summary>
internal static class Ambiguities
{
    /// <summary>The open ambiguity of <paramref name="flow"/> (waiting for a cycle to let the engine read them, if one runs).</summary>
    public static async Task<JsonObject> OfFlowAsync(ServerFixture fixture, int flow)
    {
        JsonObject? found = null;
        Assert.True(await ServerFixture.EventuallyAsync(async () =>
        {
            var attention = await fixture.Api.GetFromJsonAsync<JsonObject>("api/attention");
            found = attention!["ambiguities"]!.AsArray().OfType<JsonObject>().FirstOrDefault(a => (int)a["flow"]! == flow);
            return (bool)attention["current"]! && found is not null;
        }, TimeSpan.FromSeconds(20)), $"the sample's ambiguity of flow {flow} is not listed");
        return found!;
    }
}
