using Microsoft.Data.Sqlite;

namespace Tolk.Cli.Tests;

/// <summary>A temporary working folder for one test, removed afterwards; and where the repository's configuration is.</summary>
public sealed class TestFolder : IDisposable
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Tolk.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Tolk.slnx not found above " + AppContext.BaseDirectory);
    });

    public TestFolder(string prefix = "tolk-cli-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The repository's configuration folder.</summary>
    public static string RepoConfig => System.IO.Path.Combine(Root.Value, "config");

    /// <summary>The repository's root.</summary>
    public static string RepoRoot => Root.Value;

    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes a file in the folder and returns its full path.</summary>
    public string Write(string relative, string text)
    {
        var path = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
