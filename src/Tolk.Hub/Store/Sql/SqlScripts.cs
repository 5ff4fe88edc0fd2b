using System.Collections.Concurrent;
using System.Reflection;

namespace Tolk.Hub.Store;

/// <summary>
/// The embedded SQL of one engine. A statement named <c>Records/insert_version</c> is looked up under the engine's
/// folder first and then under <c>Common/</c>, so an engine overrides only what its dialect needs.
/// </summary>
internal sealed class SqlScripts
{
    private const string Prefix = "Tolk.Hub.Sql.";

    // Normalised name ("Sqlite/Migrations/0001_x.sql") to manifest name: MSBuild's RecursiveDir uses the build
    // machine's separator, so a Windows build would produce backslashes.
    private static readonly Dictionary<string, string> Resources = typeof(SqlScripts).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .ToDictionary(n => n[Prefix.Length..].Replace('\\', '/'), n => n, StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, string> cache = new(StringComparer.Ordinal);
    private readonly string engine;

    public SqlScripts(string engine)
    {
        this.engine = engine;
        Migrations = LoadMigrations(engine);
    }

    /// <summary>The engine's migrations in version order; versions run 1, 2, ... without gaps.</summary>
    public IReadOnlyList<Migration> Migrations { get; }

    public string this[string name] => cache.GetOrAdd(name, Load, engine);

    private static string Load(string name, string engine) =>
        TryRead($"{engine}/{name}.sql") ?? TryRead($"Common/{name}.sql")
        ?? throw new InvalidOperationException($"No SQL resource '{name}' for engine {engine} (nor in Common).");

    private static string? TryRead(string name)
    {
        if (!Resources.TryGetValue(name, out var manifestName))
        {
            return null;
        }
        using var stream = typeof(SqlScripts).Assembly.GetManifestResourceStream(manifestName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<Migration> LoadMigrations(string engine)
    {
        var folder = $"{engine}/Migrations/";
        var migrations = Resources.Keys
            .Where(n => n.StartsWith(folder, StringComparison.Ordinal))
            .Select(n => n[folder.Length..^".sql".Length])
            .Select(n => new Migration(int.Parse(n[..n.IndexOf('_', StringComparison.Ordinal)]), n, TryRead($"{folder}{n}.sql")!))
            .OrderBy(m => m.Version)
            .ToList();
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migrations of {engine} must be numbered 1, 2, ...: found {migrations[i].Name}.");
            }
        }
        return migrations;
    }
}

/// <summary>One numbered schema migration script.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
