using System.CommandLine;
using Tolk.Cli.Output;
using Tolk.Runtime;

namespace Tolk.Cli.Hosting;

/// <summary>
/// The shape of the commands that change what the engine knows (retry, link, unlink): settings resolved, the store's
/// lock taken, the engine opened with connectors for the systems the settings file configures (none on the demo's
/// store), the action run, everything closed. While a tolk with a server holds the store, they ask that one instead.
/// </summary>
internal static class EngineCommand
{
    /// <summary>What to say after a change: when it takes effect.</summary>
    public const string NextSync = "its writes are planned in the next sync cycle ('tolk sync --once', or 'tolk run').";

    /// <summary>
    /// Sets <paramref name="command"/>'s action to open the engine and run <paramref name="action"/> with it; or, while a
    /// running tolk serves the store, to run <paramref name="remote"/> against its management API (with the access token
    /// in <see cref="ManagementClient.TokenVariable"/>), since that tolk holds the store.
    /// </summary>
    public static void SetAction(Command command, Option<string?> config, Func<ParseResult, EngineSession, CancellationToken, Task<int>> action,
        Func<ParseResult, ManagementClient, CancellationToken, Task<int>>? remote = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (CliSettings.Resolve(parse, config) is not { } settings)
            {
                return ExitCodes.Usage;
            }

            if (remote is not null && ServerAddress.Find(settings.StorePath) is { } server)
            {
                if (Environment.GetEnvironmentVariable(ManagementClient.TokenVariable) is not { Length: > 0 } token)
                {
                    Out.Error($"the hub store {settings.StorePath} is in use by a running tolk whose dashboard is at {server}: settle it there ('Needs a person'), "
                        + $"or set {ManagementClient.TokenVariable} to its access token and run this again");
                    return ExitCodes.Store;
                }

                using var client = new ManagementClient(server, token.Trim());
                return await remote(parse, client, cancellationToken);
            }

            IReadOnlyList<SystemEndpoint> endpoints = [];
            if (settings.File is not null && settings.Systems.Count > 0)
            {
                if (ConfiguredSystems.Resolve(settings, command.Name) is not { } configured)
                {
                    return ExitCodes.Usage;
                }

                endpoints = configured;
            }

            if (!File.Exists(settings.StorePath))
            {
                Out.Error($"there is no hub store at {settings.StorePath} yet ('tolk demo' or 'tolk run' creates it; --store names another)");
                return ExitCodes.Store;
            }

            var (session, exit) = await EngineSession.OpenAsync(settings, endpoints, command.Name, cancellationToken);
            if (session is null)
            {
                return exit;
            }

            // A change to the demo's store lasts: the next 'tolk demo' resumes from it, with its emulators' saved state.
            await using (session)
            {
                return await action(parse, session, cancellationToken);
            }
        });
    }
}
