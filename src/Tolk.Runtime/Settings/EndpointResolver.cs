using Tolk.Sync.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tolk.Runtime.Settings;

/// <summary>The endpoints the settings describe, with their credentials read, and every credential that could not be read.</summary>
/// <param name="Endpoints">One per system whose credentials were all found.</param>
/// <param name="Errors">Each missing variable, unreadable file or absent key, naming the source and never a value.</param>
public sealed record ResolvedEndpoints(IReadOnlyList<SystemEndpoint> Endpoints, IReadOnlyList<ConfigError> Errors);

/// <summary>Reads each configured credential from its environment variable or secrets file, to build the systems' endpoints.</summary>
public static class EndpointResolver
{
    /// <summary>Resolves every system of <paramref name="settings"/>; <paramref name="environment"/> looks a variable up (default: the process's).</summary>
    public static ResolvedEndpoints Resolve(TolkSettings settings, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        environment ??= Environment.GetEnvironmentVariable;
        var endpoints = new List<SystemEndpoint>();
        var errors = new List<ConfigError>();
        var files = new Dictionary<string, YamlMappingNode?>(StringComparer.Ordinal);
        foreach (var system in settings.Systems)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var before = errors.Count;
            foreach (var credential in system.Credentials)
            {
                var (value, problem) = credential.Source switch
                {
                    EnvironmentCredential env => FromEnvironment(env, environment),
                    FileCredential file => FromFile(file, files),
                    _ => (null, "unknown credential source"),
                };
                if (value is not null)
                {
                    values[credential.Name] = value;
                }
                else
                {
                    errors.Add(new ConfigError(credential.Location, $"systems.{system.Name}.credentials.{credential.Name}", problem!));
                }
            }

            if (errors.Count == before)
            {
                endpoints.Add(new SystemEndpoint(system.Name, system.BaseUrl, values));
            }
        }

        return new ResolvedEndpoints(endpoints, errors);
    }

    private static (string?, string?) FromEnvironment(EnvironmentCredential source, Func<string, string?> environment) =>
        environment(source.Variable) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
            ? (value.Trim(), null)
            : (null, $"the environment variable {source.Variable} is not set");

    private static (string?, string?) FromFile(FileCredential source, Dictionary<string, YamlMappingNode?> parsed)
    {
        string text;
        try
        {
            text = File.ReadAllText(source.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, File.Exists(source.Path) ? $"cannot read the secrets file {source.Path}: {e.Message}" : $"the secrets file {source.Path} does not exist");
        }

        if (source.Key is null)
        {
            return string.IsNullOrWhiteSpace(text) ? (null, $"the secrets file {source.Path} is empty") : (text.Trim(), null);
        }

        if (!parsed.TryGetValue(source.Path, out var root))
        {
            parsed[source.Path] = root = ParseSecrets(text);
        }

        if (root is null)
        {
            // YamlDotNet's messages quote the text around the fault, which may be a secret: say only where to look.
            return (null, $"the secrets file {source.Path} is not a YAML mapping of names to values");
        }

        YamlNode? node = root;
        foreach (var part in source.Key.Split('.'))
        {
            node = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(part), out var child) ? child : null;
        }

        return node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)
            ? (value.Trim(), null)
            : (null, $"the secrets file {source.Path} has no value at '{source.Key}'");
    }

    private static YamlMappingNode? ParseSecrets(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 1 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlException)
        {
            return null;
        }
    }
}
