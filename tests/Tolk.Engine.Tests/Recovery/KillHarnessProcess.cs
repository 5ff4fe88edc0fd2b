using System.Diagnostics;
using Tolk.Engine.KillHarness;
using Tolk.Engine.Tests.Harness;

namespace Tolk.Engine.Tests.Recovery;

/// <summary>Runs the engine kill harness as a child process and collects what it printed until it died.</summary>
internal static class KillHarnessProcess
{
    public sealed record Result(int ExitCode, IReadOnlyList<string> Output, string Errors, KilledCreate? Killed);

    public static async Task<Result> RunAsync(RecoveryRun run, string system, int n, TimeSpan timeout)
    {
        // Under `dotnet test` the SDK names the dotnet host it runs with; elsewhere the one on the PATH will do.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Tolk.Engine.KillHarness.dll"), run.StorePath, RepoPaths.Config, system, $"{n}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the engine kill harness.");
        await process.StandardInput.WriteLineAsync(run.Sandbox.Fleet.Describe().ToJsonString());
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEndAsync();
        var output = new List<string>();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                output.Add(line);
            }

            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"the kill harness ran longer than {timeout}; it printed: {string.Join(" | ", output)}");
        }

        return new Result(process.ExitCode, output, await errors, output.Select(KilledCreate.Parse).LastOrDefault(k => k is not null));
    }
}
