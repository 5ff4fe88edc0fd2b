using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Tolk.Bench.Emulators;

/// <summary>
/// The standalone emulator host (src/Tolk.Emulators) as a child process: started with free ports, its first stdout line
/// read as the description of the six systems, its memory read from /proc and its admin channel.
/// </summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorHost(Process process, JsonObject systems)
    {
        _process = process;
        Systems = systems;
    }

    /// <summary>Each system's baseUrl, adminUrl and credentials, as the host's first line gave them.</summary>
    public JsonObject Systems { get; }

    /// <summary>The child's process id.</summary>
    public int Pid => _process.Id;

    public static async Task<EmulatorHost> StartAsync(string size, TimeSpan startTimeout)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Tolk.Emulators.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--port-base", "0", "--size", size })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the emulator host");
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            var first = await process.StandardOutput.ReadLineAsync().WaitAsync(startTimeout)
                ?? throw new InvalidOperationException($"the emulator host exited ({ExitCode(process)}) before describing its systems");
            _ = process.StandardOutput.ReadToEndAsync();
            return new EmulatorHost(process, JsonNode.Parse(first)!.AsObject());
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public Uri BaseUrl(string system) => new((string)Systems[system]!["baseUrl"]!);

    public Uri AdminUrl(string system) => new((string)Systems[system]!["adminUrl"]!);

    public string Credential(string system, string name) => (string)Systems[system]!["credentials"]![name]!;

    /// <summary>The child's resident set size in bytes (VmRSS), or its peak (VmHWM).</summary>
    public long ReadProcBytes(string field = "VmRSS")
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kb = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException($"/proc/{_process.Id}/status has no {field} line");
    }

    /// <summary>The runtime's view of the child's memory; with <paramref name="collect"/> after a full compacting collection.</summary>
    public async Task<JsonObject> RuntimeAsync(HttpClient http, bool collect) =>
        (await http.GetFromJsonAsync<JsonObject>(new Uri(AdminUrl("asana"), $"runtime?collect={(collect ? "true" : "false")}")))!;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static string ExitCode(Process process) => process.HasExited ? $"exit code {process.ExitCode}" : "still running";
}
