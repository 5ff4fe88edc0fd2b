using System.CommandLine;
using Tolk.Cli.Hosting;
using Tolk.Cli.Syncing;
using Tolk.Server;

namespace Tolk.Cli.Commands;

/// <summary>
/// <c>tolk run</c> and <c>tolk sync</c>: the engine against the systems a settings file configures. <c>run</c> is the
/// long-running service (the initial sync, then continuously); <c>sync --once</c> syncs until nothing is left to do and exits.
/// </summary>
internal static class RunCommand
{
    public static Command CreateRun()
    {
        var config = CliSettings.ConfigOption();
        var newToken = new Option<bool>("--new-token") { Description = "Replace the dashboard's access token with a new one, shown once" };
        var command = new Command("run", "Run Tolk against the systems in a settings file (tolk.yaml): the initial sync, then continuously until Ctrl+C") { config, newToken };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, config, "run", once: false, SyncFlow.DefaultMaxCycles, parse.GetValue(newToken), cancellationToken));
        return command;
    }

    public static Command CreateSync()
    {
        var config = CliSettings.ConfigOption();
        var once = new Option<bool>("--once") { Description = "Stop once Tolk has done all it can on its own (exit 0), or cannot get there (exit 1)" };
        var maxCycles = new Option<int>("--max-cycles") { Description = "Cycles to try before giving up", DefaultValueFactory = _ => SyncFlow.DefaultMaxCycles };
        var command = new Command("sync", "Sync the systems in a settings file in the foreground; with --once, until nothing is left to do") { config, once, maxCycles };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, config, "sync", parse.GetValue(once), parse.GetValue(maxCycles), newToken: null, cancellationToken));
        return command;
    }

    // newToken: null for sync, which runs no server.
    private static async Task<int> RunAsync(ParseResult parse, Option<string?> config, string name, bool once, int maxCycles, bool? newToken,
        CancellationToken cancellationToken)
    {
        if (CliSettings.Resolve(parse, config) is not { } settings || ConfiguredSystems.Resolve(settings, name) is not { } endpoints)
        {
            return ExitCodes.Usage;
        }

        var display = SyncDisplay.Create(parse.GetValue(TolkCommand.Json));
        var (session, exit) = await EngineSession.OpenAsync(settings, endpoints, name, cancellationToken);
        if (session is null)
        {
            return exit;
        }

        await using (session)
        {
            display.Line($"Hub store: {session.Store.FilePath}; systems: {string.Join(", ", endpoints.Select(e => e.ToString()))}");
            var server = newToken is null ? null : new ServerOptions { Address = settings.Server.Address, Port = settings.Server.Port, PublicUrl = settings.Server.PublicUrl, NewToken = newToken.Value };
            return await SyncFlow.RunAsync(session, display, ConfiguredSystems.RunnerOptions(settings), server, once, maxCycles,
                $"'tolk {name}' resumes from the hub store where this left off.", cancellationToken);
        }
    }
}
