using System.Diagnostics;

namespace Tolk.Cli.Tests;

/// <summary>Runs the real <c>tolk</c> as a child process in a working folder, as a user would from a shell.</summary>
internal static class TolkProcess
{
    private static readonly string TolkDll = Path.Combine(AppContext.BaseDirectory, "tolk.dll");

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(TolkDll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
