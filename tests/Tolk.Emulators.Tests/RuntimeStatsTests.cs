using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tolk.Asana.Emulator;
using Tolk.Emulation.Hosting;

namespace Tolk.Emulators.Tests;

/// <summary>The admin channel's <c>/runtime</c>, which the emulators memory benchmark reads for the host's GC heap.</summary>
public sealed class RuntimeStatsTests
{
    [Fact]
    public async Task runtime_reports_the_hosts_heap_and_working_set_and_can_collect_first()
    {
        await using var asana = await EmulatorServer.StartAsync(ctx => new AsanaEmulator(ctx), new EmulatorServerOptions());
        using var http = new HttpClient { BaseAddress = new Uri(asana.HostUrl, "_emulator/") };
        var before = (await http.GetFromJsonAsync<JsonObject>("runtime"))!;
        var after = (await http.GetFromJsonAsync<JsonObject>("runtime?collect=true"))!;
        Assert.True((long)before["liveBytes"]! > 0);
        Assert.True((long)after["workingSetBytes"]! > 0);
        Assert.True((int)after["gen2Collections"]! > (int)before["gen2Collections"]!, "collect=true must run a full collection");
    }
}
