using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tolk.Sync.Configuration.Internal;

/// <summary>Reads a YAML file into its root mapping, turning syntax errors into configuration errors with their place.</summary>
internal static class YamlFile
{
    public static YamlMap? Load(string path, ErrorSink errors)
    {
        if (!File.Exists(path))
        {
            errors.Add(new SourceLocation(path, 1, 1), Path.GetFileName(path), "the file is missing");
            return null;
        }

        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        var scanner = new Scanner(reader);
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            // YamlDotNet's messages start with "(Line: n, Col: n, Idx: n) - (...): "; the location says that already.
            var message = (e.InnerException as YamlException ?? e).Message;
            var at = message.LastIndexOf("): ", StringComparison.Ordinal);
            errors.Add(new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column), "YAML syntax", at < 0 ? message : message[(at + 3)..]);
            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way on some malformed input (an unclosed flow mapping): where it stopped
            // is the nearest place known.
            var mark = scanner.CurrentPosition;
            errors.Add(new SourceLocation(path, (int)mark.Line, (int)mark.Column), "YAML syntax", $"malformed YAML after this point ({e.Message})");
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new SourceLocation(path, 1, 1), Path.GetFileName(path), "expected one YAML document holding a mapping");
            return null;
        }

        return new YamlMap(root, path, errors);
    }
}
