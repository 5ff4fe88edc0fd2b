using YamlDotNet.RepresentationModel;

namespace Tolk.Sync.Configuration.Internal;

/// <summary>
/// A YAML mapping with the file it came from: typed, located reads, each reporting a wrong shape as an error naming the
/// file, line and subject, and a check for keys the schema does not know (typos).
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode node;

    public YamlMap(YamlMappingNode node, string file, ErrorSink errors)
    {
        this.node = node;
        File = file;
        Errors = errors;
    }

    public string File { get; }

    public ErrorSink Errors { get; }

    public SourceLocation Location => At(node);

    public IEnumerable<(string Key, YamlNode Value, SourceLocation Location)> Entries =>
        node.Children.Select(pair => (Key(pair.Key), pair.Value, At(pair.Key)));

    public SourceLocation At(YamlNode yaml) => new(File, (int)yaml.Start.Line, (int)yaml.Start.Column);

    /// <summary>Where the key's value is, or the mapping itself when the key is absent.</summary>
    public SourceLocation At(string key) => Node(key) is { } value ? At(value) : Location;

    public bool Has(string key) => Node(key) is not null;

    public YamlNode? Node(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public void CheckKeys(string subject, params string[] allowed)
    {
        foreach (var (key, _, location) in Entries)
        {
            if (!allowed.Contains(key))
            {
                Errors.Add(location, subject, $"unknown key '{key}' (expected one of: {string.Join(", ", allowed)})");
            }
        }
    }

    public string? Scalar(string key, string subject, bool required = false)
    {
        switch (Node(key))
        {
            case null when required:
                Errors.Add(Location, subject, $"'{key}' is required");
                return null;
            case null:
                return null;
            case YamlScalarNode { Value: { Length: > 0 } text }:
                return text;
            case var other:
                Errors.Add(At(other), subject, $"'{key}' must be a non-empty value");
                return null;
        }
    }

    public bool? Bool(string key, string subject) => Scalar(key, subject) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var text => Invalid<bool?>(key, subject, $"'{key}' must be true or false, not '{text}'"),
    };

    public int? Int(string key, string subject, bool required = false) => Scalar(key, subject, required) switch
    {
        null => null,
        var text when int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        var text => Invalid<int?>(key, subject, $"'{key}' must be a whole number, not '{text}'"),
    };

    public YamlMap? Map(string key, string subject, bool required = false)
    {
        switch (Node(key))
        {
            case null when required:
                Errors.Add(Location, subject, $"'{key}' is required");
                return null;
            case null:
                return null;
            case YamlMappingNode map:
                return new YamlMap(map, File, Errors);
            case var other:
                Errors.Add(At(other), subject, $"'{key}' must be a mapping");
                return null;
        }
    }

    public YamlMap? AsMap(YamlNode yaml, string subject)
    {
        if (yaml is YamlMappingNode map)
        {
            return new YamlMap(map, File, Errors);
        }

        Errors.Add(At(yaml), subject, "expected a mapping");
        return null;
    }

    public IReadOnlyList<YamlNode>? Sequence(string key, string subject, bool required = false)
    {
        switch (Node(key))
        {
            case null when required:
                Errors.Add(Location, subject, $"'{key}' is required");
                return null;
            case null:
                return null;
            case YamlSequenceNode list:
                return [.. list.Children];
            case YamlScalarNode { Value: null or "" }:
                return [];
            case var other:
                Errors.Add(At(other), subject, $"'{key}' must be a list");
                return null;
        }
    }

    /// <summary>A string, or a list of strings, with the place of each.</summary>
    public IReadOnlyList<(string Text, SourceLocation Location)>? Strings(string key, string subject)
    {
        var items = Node(key) switch
        {
            null => null,
            YamlScalarNode scalar => [scalar],
            YamlSequenceNode list => list.Children.ToList(),
            var other => Invalid<List<YamlNode>?>(key, subject, $"'{key}' must be a value or a list of values", other),
        };
        if (items is null)
        {
            return null;
        }

        var result = new List<(string, SourceLocation)>();
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text })
            {
                result.Add((text, At(item)));
            }
            else
            {
                Errors.Add(At(item), subject, $"'{key}' must hold non-empty values");
            }
        }

        return result;
    }

    private static string Key(YamlNode key) => key is YamlScalarNode { Value: { } text } ? text : key.ToString();

    private T Invalid<T>(string key, string subject, string message, YamlNode? at = null)
    {
        Errors.Add(at is null ? At(key) : At(at), subject, message);
        return default!;
    }
}
