using System.Diagnostics;

namespace Tolk.Emulators.Tests;

/// <summary>
/// Where the official-client scripts live (tools/official-clients) and whether they can run here: node on the PATH and
/// the pinned packages installed by <c>npm ci</c> (which <c>.ci/install-deps</c> runs).
/// </summary>
internal static class OfficialClients
{
    /// <summary>Whether this run is CI's, where a missing prerequisite is a failure, not a skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The scripts' folder, found by walking up from the test binaries to the repository root.</summary>
    public static string Folder { get; } = FindFolder();

    /// <summary>Why the scripts cannot run here, or null when they can.</summary>
    public static string? Missing()
    {
        if (!Directory.Exists(Folder))
        {
            return $"the scripts' folder {Folder} is missing";
        }
        foreach (var package in new[] { "asana", "trello.js" })
        {
            if (!File.Exists(Path.Combine(Folder, "node_modules", package, "package.json")))
            {
                return $"{Path.Combine(Folder, "node_modules", package)} is not installed: run .ci/install-deps (npm ci in tools/official-clients)";
            }
        }
        return NodeVersion() is null ? "node is not on the PATH: install Node.js (20 or newer)" : null;
    }

    /// <summary>Runs <paramref name="script"/> with node in the scripts' folder; its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"node {script} did not finish within {timeout.TotalSeconds:N0} s\n{await stdout}{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? NodeVersion()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var version = node.StandardOutput.ReadToEnd().Trim();
            node.WaitForExit();
            return node.ExitCode == 0 ? version : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tolk.slnx")))
            {
                return Path.Combine(dir.FullName, "tools", "official-clients");
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "tools", "official-clients");
    }
}

/// <summary>
/// A fact that needs the official clients: skipped on a developer's machine without node or the packages, but run (and
/// failed, naming what is missing) in CI, where <c>.ci/install-deps</c> must have installed them.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class OfficialClientFactAttribute : FactAttribute
{
    public OfficialClientFactAttribute()
    {
        if (!OfficialClients.InCi && OfficialClients.Missing() is { } missing)
        {
            Skip = missing;
        }
    }
}
