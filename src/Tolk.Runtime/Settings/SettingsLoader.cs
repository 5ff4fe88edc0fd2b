using System.Globalization;
using System.Net;
using Tolk.Sync.Configuration;
using YamlDotNet.RepresentationModel;

namespace Tolk.Runtime.Settings;

/// <summary>The outcome of reading a settings file: the settings when valid, and every error found.</summary>
/// <param name="Settings">The settings, or null when there were errors.</param>
/// <param name="Errors">Every error, each naming the file, line and setting.</param>
public sealed record SettingsLoad(TolkSettings? Settings, IReadOnlyList<ConfigError> Errors);

/// <summary>
/// Reads a <c>tolk.yaml</c> settings file (see <c>tolk.example.yaml</c>). Relative paths are relative to the file's
/// folder. Every error is collected, not just the first, so one run of <c>tolk check</c> lists them all.
/// </summary>
public static class SettingsLoader
{
    /// <summary>The settings file <c>tolk</c> looks for in the working folder.</summary>
    public const string DefaultFileName = "tolk.yaml";

    /// <summary>The hub store's path when the file does not say (relative to the file's folder).</summary>
    public const string DefaultStore = "tolk-data/tolk.db";

    /// <summary>The configuration folder when the file does not say (relative to the file's folder).</summary>
    public const string DefaultConfig = "config";

    /// <summary>Reads and validates the settings file at <paramref name="path"/>.</summary>
    public static SettingsLoad Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var file = Path.GetFullPath(path);
        var errors = new List<ConfigError>();
        if (SettingsYaml.LoadRoot(file, errors) is not { } root)
        {
            return new SettingsLoad(null, errors);
        }

        var yaml = new SettingsYaml(file, errors);
        yaml.CheckKeys(root, "settings", "store", "config", "server", "sync", "systems");
        var settings = new TolkSettings
        {
            File = file,
            StorePath = yaml.PathOf(yaml.Text(root, "store", "store") ?? DefaultStore),
            ConfigDirectory = yaml.PathOf(yaml.Text(root, "config", "config") ?? DefaultConfig),
            Server = ReadServer(yaml, yaml.Map(root, "server", "server")),
            Sync = ReadSync(yaml, yaml.Map(root, "sync", "sync")),
            Systems = ReadSystems(yaml, yaml.Map(root, "systems", "systems")),
        };
        return errors.Count == 0 ? new SettingsLoad(settings, []) : new SettingsLoad(null, errors);
    }

    private static ServerSettings ReadServer(SettingsYaml yaml, YamlMappingNode? map)
    {
        var server = new ServerSettings();
        if (map is null)
        {
            return server;
        }

        yaml.CheckKeys(map, "server", "address", "port", "public_url");
        if (yaml.Text(map, "address", "server") is { } address)
        {
            if (IPAddress.TryParse(address, out var ip))
            {
                server = server with { Address = ip };
            }
            else
            {
                yaml.Add(SettingsYaml.Get(map, "address")!, "server", $"'address' must be an IP address such as 127.0.0.1, not '{address}'");
            }
        }

        if (yaml.Text(map, "port", "server") is { } port)
        {
            if (int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 65535)
            {
                server = server with { Port = number };
            }
            else
            {
                yaml.Add(SettingsYaml.Get(map, "port")!, "server", $"'port' must be a port number from 0 to 65535, not '{port}'");
            }
        }

        if (yaml.Text(map, "public_url", "server") is { } publicUrl)
        {
            if (Uri.TryCreate(publicUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            {
                server = server with { PublicUrl = url };
            }
            else
            {
                yaml.Add(SettingsYaml.Get(map, "public_url")!, "server", $"'public_url' must be an absolute http(s) URL such as https://tolk.example.com/, not '{publicUrl}'");
            }
        }

        return server;
    }

    private static SyncSettings ReadSync(SettingsYaml yaml, YamlMappingNode? map)
    {
        var sync = new SyncSettings();
        if (map is null)
        {
            return sync;
        }

        yaml.CheckKeys(map, "sync", "poll_interval", "webhook_poll_interval");
        return sync with
        {
            PollInterval = yaml.Duration(map, "poll_interval", "sync") ?? sync.PollInterval,
            WebhookPollInterval = yaml.Duration(map, "webhook_poll_interval", "sync") ?? sync.WebhookPollInterval,
        };
    }

    private static List<SystemSettings> ReadSystems(SettingsYaml yaml, YamlMappingNode? map)
    {
        var systems = new List<SystemSettings>();
        foreach (var (name, keyNode, value) in map is null ? [] : SettingsYaml.Entries(map))
        {
            if (!KnownSystems.Names.Contains(name))
            {
                yaml.Add(keyNode, $"systems.{name}", $"Tolk has no connector for '{name}' (expected one of: {string.Join(", ", KnownSystems.Names)})");
                continue;
            }

            if (value is not YamlMappingNode system)
            {
                yaml.Add(value, $"systems.{name}", "expected a mapping with base_url and credentials");
                continue;
            }

            if (ReadSystem(yaml, name, system) is { } read)
            {
                systems.Add(read);
            }
        }

        return systems;
    }

    private static SystemSettings? ReadSystem(SettingsYaml yaml, string name, YamlMappingNode map)
    {
        var subject = $"systems.{name}";
        yaml.CheckKeys(map, subject, "base_url", "poll_interval", "credentials");
        Uri? baseUrl = null;
        if (yaml.Text(map, "base_url", subject, required: true) is { } text)
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                // Connectors resolve paths against the base URL: without the trailing slash its last segment would be lost.
                baseUrl = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
            }
            else
            {
                yaml.Add(SettingsYaml.Get(map, "base_url")!, subject, $"'base_url' must be an http or https URL, not '{text}'");
            }
        }

        var poll = yaml.Duration(map, "poll_interval", subject);
        var credentials = CredentialReader.Read(yaml, name, map);
        return baseUrl is null || credentials is null
            ? null
            : new SystemSettings { Name = name, BaseUrl = baseUrl, PollInterval = poll, Credentials = credentials, Location = yaml.At(map) };
    }
}
