using System.CommandLine;
using Tolk.Cli.Hosting;
using Tolk.Cli.Syncing;
using Tolk.Server;

namespace Tolk.Cli.Commands;

/// <summary>
/// <c>tolk serve</c>: <c>tolk run</c> with the server's own settings on the command line: the port, and the public URL
/// the systems deliver webhooks to when Tolk sits behind a proxy or tunnel (the server's own address otherwise).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = CliSettings.ConfigOption();
        var port = new Option<int?>("--port") { Description = "The port to listen on (default: the settings file's server.port, else 7100; 0 picks a free one)" };
        var publicUrl = new Option<Uri?>("--public-url")
        {
            Description = "The URL the systems reach this server at, for their webhooks (e.g. https://tolk.example.com/; default: the settings file's server.public_url, else the server's own address)",
            CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : Invalid(result, $"--public-url: '{result.Tokens.Single().Value}' is not an absolute http(s) URL"),
        };
        var newToken = new Option<bool>("--new-token") { Description = "Replace the dashboard's access token with a new one, shown once" };
        var command = new Command("serve", "Serve the dashboard, management API and webhooks while syncing the systems in a settings file, until Ctrl+C")
        {
            config, port, publicUrl, newToken,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (CliSettings.Resolve(parse, config) is not { } settings || ConfiguredSystems.Resolve(settings, "serve") is not { } endpoints)
            {
                return ExitCodes.Usage;
            }

            var display = SyncDisplay.Create(parse.GetValue(TolkCommand.Json));
            var (session, exit) = await EngineSession.OpenAsync(settings, endpoints, "serve", cancellationToken);
            if (session is null)
            {
                return exit;
            }

            await using (session)
            {
                var server = new ServerOptions
                {
                    Address = settings.Server.Address,
                    Port = parse.GetValue(port) ?? settings.Server.Port,
                    PublicUrl = parse.GetValue(publicUrl) ?? settings.Server.PublicUrl,
                    NewToken = parse.GetValue(newToken),
                };
                display.Line($"Hub store: {session.Store.FilePath}; systems: {string.Join(", ", endpoints.Select(e => e.ToString()))}");
                return await SyncFlow.RunAsync(session, display, ConfiguredSystems.RunnerOptions(settings), server, once: false, SyncFlow.DefaultMaxCycles,
                    "'tolk serve' resumes from the hub store where this left off.", cancellationToken);
            }
        });
        return command;
    }

    private static Uri? Invalid(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }
}
