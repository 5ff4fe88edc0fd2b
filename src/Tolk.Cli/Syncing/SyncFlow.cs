using Tolk.Cli.Hosting;
using Tolk.Cli.Output;
using Tolk.Runtime;
using Tolk.Server;

namespace Tolk.Cli.Syncing;

/// <summary>
/// The shared course of <c>tolk demo</c>, <c>run</c> and <c>sync</c>: the server (demo and run) so that the dashboard
/// can be watched from the start, the initial sync, then (unless once) continuous syncing until Ctrl+C.
/// </summary>
internal static class SyncFlow
{
    /// <summary>How many initial cycles to try before saying the sync cannot finish on its own.</summary>
    public const int DefaultMaxCycles = 10;

    /// <summary>
    /// Runs the sync; the exit code is 0 when Tolk did all it can on its own (or was stopped by Ctrl+C), 1 when not or
    /// when the server could not start. With <paramref name="person"/> (the demo), the ambiguous matches the sample can
    /// settle are linked by hand once the initial sync waits for a person, and the sync goes on from there.
    /// </summary>
    public static async Task<int> RunAsync(EngineSession session, SyncDisplay display, SyncRunnerOptions runner, ServerOptions? server, bool once,
        int maxCycles, string resumeHint, CancellationToken cancellationToken, DemoPerson? person = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(display);
        ArgumentNullException.ThrowIfNull(runner);
        if (server is not null)
        {
            // Systems that push their changes are read only to reconcile once the server receives their webhooks.
            runner = new SyncRunnerOptions
            {
                PollInterval = runner.PollInterval,
                WebhookSystemPollInterval = runner.WebhookSystemPollInterval,
                Intervals = runner.Intervals,
                WebhookSystems = TolkServer.WebhookSystems(session.Connectors),
            };
        }

        var sync = new SyncSession(session.Engine, session.Store, session.Configuration, runner);
        var probe = new FlowProbe(session.Store, session.Configuration);
        async Task<SettleResult> SettleAsync()
        {
            var settled = await display.SettleAsync(probe, onCycle => sync.SettleAsync(maxCycles, onCycle, cancellationToken), cancellationToken);
            await display.SettledAsync(settled, probe);
            return settled;
        }

        RunningServer? host = null;
        try
        {
            if (server is not null && (host = await StartServerAsync(server, session, sync, display, cancellationToken)) is null)
            {
                return ExitCodes.Failed;
            }

            var result = await SettleAsync();
            if (person is not null && result.State == SettleState.WaitingForPerson
                && await person.SettleAsync(session.Engine, cancellationToken) is { Count: > 0 } linked)
            {
                display.Event("person", "The demo now plays the person those matches wait for: Tolk never guesses, but the sample knows which namesake is " +
                    "which. In your own use you choose in the dashboard's 'Needs a person' panel or with 'tolk link' ('tolk demo --leave-to-me' leaves them to you):", linked);
                foreach (var line in linked)
                {
                    display.Line($"  {line}");
                }

                result = await SettleAsync();
            }
            if (once)
            {
                return result.Settled ? ExitCodes.Ok : ExitCodes.Failed;
            }

            display.Event("continuous", "Syncing continuously: edits in any system reach the others within a poll interval. Ctrl+C stops.");
            await display.RunAsync(probe, onCycle => sync.RunContinuouslyAsync(result.State, onCycle, cancellationToken), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            display.Event("stopped", $"Stopped during the initial sync; nothing is lost (an insert whose answer did not arrive is looked up before it is made again). {resumeHint}");
            return ExitCodes.Ok;
        }
        finally
        {
            if (host is not null)
            {
                ServerAddress.Remove(session.Store.FilePath);
                await host.DisposeAsync();
            }
        }

        display.Event("stopped", $"Stopped. {resumeHint}");
        return ExitCodes.Ok;
    }

    private static async Task<RunningServer?> StartServerAsync(ServerOptions options, EngineSession session, SyncSession sync, SyncDisplay display, CancellationToken cancellationToken)
    {
        RunningServer server;
        try
        {
            server = await TolkServer.StartAsync(options, session.Engine, sync.Runner, session.Store, session.Connectors, cancellationToken: cancellationToken);
        }
        catch (IOException e)
        {
            Out.Error($"cannot start the server on {options.Address}:{options.Port}: {e.Message} (another tolk may hold the port; choose another, or 0 for a free one)");
            return null;
        }

        ServerAddress.Write(session.Store.FilePath, server.Url);
        var signIn = server.LoginUrl is { } login
            ? $"sign in with {login} (the access token in it is shown this once; the store keeps only its hash)"
            : "sign in with the access token shown when it was made ('tolk run --new-token' makes a new one)";
        display.Event("server", $"Dashboard and management API: {server.Url} — {signIn}.", new { Url = server.Url.ToString(), LoginUrl = server.LoginUrl?.ToString() });
        return server;
    }
}
