using Tolk.Sync.Configuration.Internal;

namespace Tolk.Sync.Configuration;

/// <summary>The outcome of loading the configuration: the configuration when it is valid, and every error found.</summary>
/// <param name="Configuration">The configuration, or null when there were errors.</param>
/// <param name="Errors">Every error, each naming the file, line and property.</param>
public sealed record ConfigurationLoad(SyncConfiguration? Configuration, IReadOnlyList<ConfigError> Errors)
{
    /// <summary>Whether the configuration loaded without errors.</summary>
    public bool IsValid => Configuration is not null;
}

/// <summary>
/// Loads and validates the configuration directory: <c>model.yaml</c>, <c>systems/*.yaml</c> (one per system, named
/// after it) and <c>flows.yaml</c>.
/// </summary>
public static class ConfigurationLoader
{
    /// <summary>The model's file name.</summary>
    public const string ModelFile = "model.yaml";

    /// <summary>The flows' file name.</summary>
    public const string FlowsFile = "flows.yaml";

    /// <summary>The folder of the system mapping files.</summary>
    public const string SystemsFolder = "systems";

    /// <summary>Loads the configuration in <paramref name="directory"/>, collecting every error rather than stopping at the first.</summary>
    public static ConfigurationLoad Load(string directory)
    {
        var errors = new ErrorSink();
        var modelFile = YamlFile.Load(Path.Combine(directory, ModelFile), errors);
        if (modelFile is null)
        {
            return new ConfigurationLoad(null, errors.Errors);
        }

        var model = ModelReader.Read(modelFile);
        var mappings = new List<DatatypeMapping>();
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var systems = Path.Combine(directory, SystemsFolder);
        var files = Directory.Exists(systems) ? Directory.GetFiles(systems, "*.yaml").Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
        foreach (var path in files)
        {
            var system = Path.GetFileNameWithoutExtension(path);
            if (YamlFile.Load(path, errors) is { } file)
            {
                mappings.AddRange(SystemReader.Read(file, system, model));
            }
            else
            {
                unreadable.Add(system);
            }
        }

        var flowsFile = YamlFile.Load(Path.Combine(directory, FlowsFile), errors);
        var flows = flowsFile is null ? [] : FlowReader.Read(flowsFile, model, mappings, unreadable);
        return errors.Count == 0
            ? new ConfigurationLoad(new SyncConfiguration(model, mappings, flows), [])
            : new ConfigurationLoad(null, errors.Errors);
    }

    /// <summary>Loads the configuration, throwing <see cref="ConfigurationException"/> (listing every error) when it is invalid.</summary>
    public static SyncConfiguration LoadValid(string directory)
    {
        var load = Load(directory);
        return load.Configuration ?? throw new ConfigurationException(load.Errors);
    }
}
