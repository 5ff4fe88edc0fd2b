using Tolk.Asana.Emulator;
using Tolk.Emulation.Hosting;
using Tolk.Trello.Emulator;

namespace Tolk.Emulators.Tests;

/// <summary>
/// The promise that the Asana and Trello emulators work with those services' client libraries with only the
/// base URL changed: the scripts in tools/official-clients (Asana's official asana package, and trello.js, the most used
/// Trello client) run against emulators started here, and every one of their checks must pass.
/// </summary>
public sealed class OfficialClientTests
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);

    [OfficialClientFact]
    public async Task asanas_official_node_client_works_against_the_asana_emulator()
    {
        RequirePrerequisites();
        await using var asana = await EmulatorServer.StartAsync(ctx => new AsanaEmulator(ctx), new EmulatorServerOptions());
        var (exitCode, output) = await OfficialClients.RunAsync("asana.mjs", ScriptTimeout,
            "--base-url", asana.BaseUrl.ToString(), "--token", AsanaEmulator.PersonalAccessToken);
        Assert.True(exitCode == 0, $"node asana.mjs exited {exitCode}:\n{output}");
        Assert.Contains(" 0 failed", output, StringComparison.Ordinal);
    }

    [OfficialClientFact]
    public async Task the_trello_js_client_works_against_the_trello_emulator()
    {
        RequirePrerequisites();
        await using var trello = await EmulatorServer.StartAsync(ctx => new TrelloEmulator(ctx), new EmulatorServerOptions());
        var credentials = trello.Emulator.Credentials;
        var (exitCode, output) = await OfficialClients.RunAsync("trello.mjs", ScriptTimeout,
            "--base-url", trello.BaseUrl.ToString(), "--key", credentials["key"], "--token", credentials["token"]);
        Assert.True(exitCode == 0, $"node trello.mjs exited {exitCode}:\n{output}");
        Assert.Contains(" 0 failed", output, StringComparison.Ordinal);
    }

    // In CI the attribute does not skip, so a machine without the clients fails here with the reason.
    private static void RequirePrerequisites()
    {
        if (OfficialClients.Missing() is { } missing)
        {
            Assert.Fail($"the official-client check cannot run: {missing}");
        }
    }
}
