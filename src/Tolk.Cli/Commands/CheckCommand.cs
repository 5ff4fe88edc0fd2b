using System.CommandLine;
using Tolk.Cli.Hosting;
using Tolk.Cli.Output;
using Tolk.Runtime;
using Tolk.Runtime.Settings;
using Tolk.Sync.Configuration;

namespace Tolk.Cli.Commands;

/// <summary>
/// <c>tolk check</c>: validates the settings, the configuration and the hub store, and reads a little from each system
/// to prove it answers and accepts its credentials. One line per check; problems on standard error.
/// </summary>
internal static class CheckCommand
{
    // Located: the message starts with the file, line and column it is about, so it needs no subject in front.
    private sealed record Check(string Subject, bool Ok, string Message, bool Located = false)
    {
        public string Line => Ok ? $"ok     {Subject}: {Message}" : Located ? Message : $"{Subject}: {Message}";
    }

    public static Command Create()
    {
        var config = CliSettings.ConfigOption();
        var command = new Command("check", "Check the settings, the configuration, the hub store, and that each system answers and accepts its credentials") { config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (CliSettings.Resolve(parse, config) is not { } settings)
            {
                return ExitCodes.Usage;
            }

            var checks = new List<Check>();
            var configuration = await CheckFilesAsync(settings, checks, cancellationToken);
            var endpoints = EndpointResolver.Resolve(settings);
            checks.AddRange(endpoints.Errors.Select(e => new Check(e.Subject, false, e.ToString(), Located: true)));
            var broken = configuration is null || endpoints.Errors.Count > 0;
            if (configuration is not null)
            {
                checks.AddRange(UnconfiguredSystems(settings, configuration));
                checks.AddRange(await ProbeSystemsAsync(endpoints.Endpoints, configuration, cancellationToken));
            }

            Write(parse.GetValue(TolkCommand.Json), checks);
            return broken ? ExitCodes.Usage : checks.Any(c => !c.Ok) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    // The configuration when it loads; every finding added to checks.
    private static async Task<SyncConfiguration?> CheckFilesAsync(TolkSettings settings, List<Check> checks, CancellationToken cancellationToken)
    {
        checks.Add(settings.File is null
            ? new Check("settings", true, $"no settings file (./{SettingsLoader.DefaultFileName}): the demo's defaults, with no systems to reach")
            : new Check("settings", true, $"{settings.File}: {settings.Systems.Count} system(s), server on {settings.Server.Address}:{settings.Server.Port}"));
        SyncConfiguration? configuration = null;
        if (!Directory.Exists(settings.ConfigDirectory))
        {
            checks.Add(new Check("configuration", false, $"no configuration folder at {settings.ConfigDirectory}"));
        }
        else
        {
            var load = ConfigurationLoader.Load(settings.ConfigDirectory);
            configuration = load.Configuration;
            checks.AddRange(load.Errors.Select(e => new Check("configuration", false, e.ToString(), Located: true)));
            if (configuration is not null)
            {
                checks.Add(new Check("configuration", true, $"{settings.ConfigDirectory}: {configuration.Flows.Count} flows, {configuration.Mappings.Count} mappings"));
            }
        }

        if (!File.Exists(settings.StorePath))
        {
            checks.Add(new Check("store", true, $"{settings.StorePath} does not exist yet; the first sync creates it"));
        }
        else
        {
            var (store, problem) = await StoreOpener.TryOpenAsync(settings.StorePath, cancellationToken);
            await using (store)
            {
                checks.Add(store is null
                    ? new Check("store", false, problem!)
                    : new Check("store", true, $"{settings.StorePath} (schema {await store.GetSchemaVersionAsync(cancellationToken)})"));
            }
        }

        return configuration;
    }

    private static IEnumerable<Check> UnconfiguredSystems(TolkSettings settings, SyncConfiguration configuration)
    {
        if (settings.File is null)
        {
            yield break;
        }

        foreach (var flow in configuration.Flows.Where(f => !f.Definition.Paused))
        {
            foreach (var system in new[] { flow.Source.System, flow.Target.System }.Distinct().Where(s => settings.SystemNamed(s) is null))
            {
                yield return new Check(system, false, $"{flow} needs {system}, which {settings.File} does not configure (add it under systems:, or pause the flow in flows.yaml)");
            }
        }
    }

    private static async Task<IEnumerable<Check>> ProbeSystemsAsync(IReadOnlyList<SystemEndpoint> endpoints, SyncConfiguration configuration, CancellationToken cancellationToken)
    {
        var connectors = ConnectorFactory.CreateAll(endpoints, configuration);
        try
        {
            var probes = endpoints.Select(async endpoint =>
            {
                var connector = connectors[endpoint.System];
                var datatype = configuration.Flows.SelectMany(f => new[] { f.Source, f.Target }).FirstOrDefault(m => m.System == endpoint.System)?.Datatype
                    ?? connector.Datatypes[0].Name;
                var (problem, detail) = await SystemProbe.ReadAsync(connector, datatype, endpoint.BaseUrl, cancellationToken);
                return new Check(endpoint.System, problem is null, problem ?? detail);
            });
            return await Task.WhenAll(probes);
        }
        finally
        {
            foreach (var connector in connectors.Values.OfType<IDisposable>())
            {
                connector.Dispose();
            }
        }
    }

    private static void Write(bool json, List<Check> checks)
    {
        var problems = checks.Count(c => !c.Ok);
        if (json)
        {
            Out.Json(new { Ok = problems == 0, Problems = problems, Checks = checks });
            return;
        }

        foreach (var check in checks)
        {
            if (check.Ok)
            {
                Console.WriteLine(check.Line);
            }
            else
            {
                Out.Error(check.Line);
            }
        }

        Console.WriteLine(problems == 0 ? "All checks passed." : $"{problems} problem(s).");
    }
}
