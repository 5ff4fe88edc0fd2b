using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Tolk.Sync.Configuration;

namespace Tolk.Runtime.Settings;

/// <summary>Located reads of the settings file: every wrong shape becomes an error naming the file, line and setting.</summary>
internal sealed class SettingsYaml(string file, List<ConfigError> errors)
{
    public string File { get; } = file;

    public List<ConfigError> Errors { get; } = errors;

    /// <summary>Reads the file's root mapping; null (with the error recorded) when it is missing or not YAML.</summary>
    public static YamlMappingNode? LoadRoot(string file, List<ConfigError> errors)
    {
        if (!System.IO.File.Exists(file))
        {
            errors.Add(new ConfigError(new SourceLocation(file, 1, 1), Path.GetFileName(file), "the file is missing"));
            return null;
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            var scanner = new Scanner(reader);
            try
            {
                stream.Load(new Parser(scanner));
            }
            catch (InvalidOperationException e)
            {
                // YamlDotNet's scanner fails this way on some malformed input (an unclosed flow mapping): where it
                // stopped is the nearest place known.
                var mark = scanner.CurrentPosition;
                errors.Add(new ConfigError(new SourceLocation(file, (int)mark.Line, (int)mark.Column), "YAML syntax", $"malformed YAML after this point ({e.Message})"));
                return null;
            }
        }
        catch (YamlException e)
        {
            // YamlDotNet's messages start with "(Line: n, Col: n, Idx: n) - (...): "; the location says that already.
            var message = (e.InnerException as YamlException ?? e).Message;
            var at = message.LastIndexOf("): ", StringComparison.Ordinal);
            errors.Add(new ConfigError(new SourceLocation(file, (int)e.Start.Line, (int)e.Start.Column), "YAML syntax", at < 0 ? message : message[(at + 3)..]));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ConfigError(new SourceLocation(file, 1, 1), Path.GetFileName(file), $"cannot read the file: {e.Message}"));
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ConfigError(new SourceLocation(file, 1, 1), Path.GetFileName(file), "expected one YAML document holding a mapping"));
            return null;
        }

        return root;
    }

    public SourceLocation At(YamlNode node) => new(File, (int)node.Start.Line, (int)node.Start.Column);

    public void Add(YamlNode node, string subject, string message) => Errors.Add(new ConfigError(At(node), subject, message));

    public static IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode map) =>
        map.Children.Select(pair => (pair.Key is YamlScalarNode { Value: { } key } ? key : pair.Key.ToString(), pair.Key, pair.Value));

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public void CheckKeys(YamlMappingNode map, string subject, params string[] allowed)
    {
        foreach (var (key, keyNode, _) in Entries(map).Where(e => !allowed.Contains(e.Key)))
        {
            Add(keyNode, subject, $"unknown setting '{key}' (expected one of: {string.Join(", ", allowed)})");
        }
    }

    public YamlMappingNode? Map(YamlMappingNode parent, string key, string subject)
    {
        switch (Get(parent, key))
        {
            case null:
                return null;
            case YamlMappingNode map:
                return map;
            case var other:
                Add(other, subject, $"'{key}' must be a mapping");
                return null;
        }
    }

    public string? Text(YamlMappingNode parent, string key, string subject, bool required = false)
    {
        switch (Get(parent, key))
        {
            case null when required:
                Add(parent, subject, $"'{key}' is required");
                return null;
            case null:
                return null;
            case YamlScalarNode { Value: { Length: > 0 } text }:
                return text;
            case var other:
                Add(other, subject, $"'{key}' must be a non-empty value");
                return null;
        }
    }

    public TimeSpan? Duration(YamlMappingNode parent, string key, string subject)
    {
        if (Text(parent, key, subject) is not { } text)
        {
            return null;
        }

        if (SettingsDuration.Parse(text) is { } duration && duration > TimeSpan.Zero)
        {
            return duration;
        }

        Add(Get(parent, key)!, subject, $"'{key}' must be a duration such as 500ms, 10s, 5m or 1h, not '{text}'");
        return null;
    }

    /// <summary>A path relative to the settings file's folder, made full.</summary>
    public string PathOf(string text) => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(File)!, text));
}
