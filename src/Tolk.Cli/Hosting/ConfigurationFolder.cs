using Tolk.Cli.Output;
using Tolk.Sync.Configuration;

namespace Tolk.Cli.Hosting;

/// <summary>Loads the mapping configuration for a command, writing each problem as one line to standard error.</summary>
internal static class ConfigurationFolder
{
    /// <summary>The configuration, or null (problems written) when the folder is missing or invalid.</summary>
    public static SyncConfiguration? Load(string directory, string what = "nothing was done")
    {
        if (!Directory.Exists(directory))
        {
            Out.Error($"no configuration folder at {directory} (name one with --config, or 'config:' in tolk.yaml)");
            return null;
        }

        var load = ConfigurationLoader.Load(directory);
        if (load.Configuration is { } configuration)
        {
            return configuration;
        }

        foreach (var error in load.Errors)
        {
            Out.Error(error.ToString());
        }

        Console.Error.WriteLine($"The configuration in {directory} has {load.Errors.Count} error(s); {what}.");
        return null;
    }
}
