using System.CommandLine;
using Tolk.Cli.Output;
using Tolk.Runtime.Settings;

namespace Tolk.Cli.Hosting;

/// <summary>
/// Which settings a command uses: the file <c>--config</c> names (or a configuration folder it names), else
/// <c>./tolk.yaml</c> when there is one, else the demo's defaults (the hub under ./tolk-data, the shipped configuration).
/// An explicit <c>--store</c> wins over the file's store.
/// </summary>
internal static class CliSettings
{
    /// <summary>The <c>--config</c> option of the commands that read settings.</summary>
    public static Option<string?> ConfigOption() => new("--config")
    {
        Description = "The settings file (tolk.yaml), or a configuration folder (model.yaml, systems/, flows.yaml); default: ./tolk.yaml when there is one",
        HelpName = "file",
    };

    /// <summary>The settings, or null (the problems written to standard error) with exit code 2.</summary>
    public static TolkSettings? Resolve(ParseResult parse, Option<string?> config)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var path = parse.GetValue(config);
        TolkSettings? settings;
        if (path is null)
        {
            settings = File.Exists(SettingsLoader.DefaultFileName) ? Load(SettingsLoader.DefaultFileName) : Defaults();
        }
        else if (Directory.Exists(path))
        {
            settings = Defaults() with { ConfigDirectory = Path.GetFullPath(path) };
        }
        else
        {
            settings = Load(path);
        }

        if (settings is not null && parse.GetResult(TolkCommand.Store) is { Implicit: false })
        {
            settings = settings with { StorePath = parse.GetValue(TolkCommand.Store)!.FullName };
        }

        return settings;
    }

    /// <summary>The settings without a file: what `tolk demo` and the store commands use on the demo's hub.</summary>
    public static TolkSettings Defaults() => new()
    {
        StorePath = Path.GetFullPath(SettingsLoader.DefaultStore),
        ConfigDirectory = DefaultConfigDirectory(),
    };

    /// <summary>./config when it holds a configuration, else the one shipped beside tolk.</summary>
    public static string DefaultConfigDirectory()
    {
        var local = Path.GetFullPath(SettingsLoader.DefaultConfig);
        return File.Exists(Path.Combine(local, "flows.yaml")) ? local : Path.Combine(AppContext.BaseDirectory, SettingsLoader.DefaultConfig);
    }

    private static TolkSettings? Load(string path)
    {
        var load = SettingsLoader.Load(path);
        foreach (var error in load.Errors)
        {
            Out.Error(error.ToString());
        }

        if (load.Settings is null)
        {
            Console.Error.WriteLine($"The settings in {Path.GetFullPath(path)} have {load.Errors.Count} error(s); nothing was done.");
        }

        return load.Settings;
    }
}
