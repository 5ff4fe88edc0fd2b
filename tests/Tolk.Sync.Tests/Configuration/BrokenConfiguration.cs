using Tolk.Sync.Configuration;

namespace Tolk.Sync.Tests.Configuration;

/// <summary>A copy of the real config/ in a temporary folder, broken on purpose by replacing one piece of text.</summary>
internal sealed class BrokenConfiguration : IDisposable
{
    public BrokenConfiguration()
    {
        Directory = Path.Combine(Path.GetTempPath(), "tolk-config-" + Guid.NewGuid().ToString("N"));
        foreach (var file in System.IO.Directory.GetFiles(RepoPaths.Config, "*.yaml", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(Directory, Path.GetRelativePath(RepoPaths.Config, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public string Directory { get; }

    /// <summary>Replaces the first occurrence of <paramref name="find"/>; returns the 1-based line the replacement is on.</summary>
    public int Replace(string file, string find, string replacement)
    {
        var path = Path.Combine(Directory, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in {file}");
        File.WriteAllText(path, text[..at] + replacement + text[(at + find.Length)..]);
        return text[..at].Count(c => c == '\n') + 1;
    }

    public void Delete(string file) => File.Delete(Path.Combine(Directory, file));

    public IReadOnlyList<ConfigError> Load()
    {
        var load = ConfigurationLoader.Load(Directory);
        Assert.False(load.IsValid, "the broken configuration loaded without errors");
        Assert.Null(load.Configuration);
        return load.Errors;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
