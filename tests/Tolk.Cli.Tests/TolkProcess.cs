using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Tolk.Cli.Tests;

/// <summary>Runs the real <c>tolk</c> as a child process in a working folder, as a user would from a shell.</summary>
internal static class TolkProcess
{
    private static readonly string TolkDll = Path.Combine(AppContext.BaseDirectory, "tolk.dll");

    /// <summary>Runs tolk to the end and returns its exit code, standard output and standard error.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs tolk with extra environment variables.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        await using var tolk = Running.Start(workingDirectory, environment, args);
        return await tolk.WaitAsync(TimeSpan.FromSeconds(150));
    }

    /// <summary>A tolk still running: its output so far, and a way to stop it as Ctrl+C does.</summary>
    internal sealed class Running : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _error;
        private readonly System.Text.StringBuilder _output = new();
        private readonly Task _reading;

        private Running(Process process)
        {
            _process = process;
            _error = process.StandardError.ReadToEndAsync();
            _reading = Task.Run(async () =>
            {
                var buffer = new char[4096];
                int read;
                while ((read = await process.StandardOutput.ReadAsync(buffer)) > 0)
                {
                    lock (_output)
                    {
                        _output.Append(buffer, 0, read);
                    }
                }
            });
        }

        /// <summary>Standard output so far.</summary>
        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static Running Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(TolkDll);
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["NO_COLOR"] = "1";
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            return new Running(Process.Start(start)!);
        }

        /// <summary>Waits until standard output matches <paramref name="text"/> (a regular expression); fails after <paramref name="timeout"/>.</summary>
        public async Task WaitForOutputAsync([StringSyntax(StringSyntaxAttribute.Regex)] string text, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (!Regex.IsMatch(Output, text))
            {
                if (_process.HasExited)
                {
                    Assert.Fail($"tolk exited ({_process.ExitCode}) before printing '{text}':\n{Output}\n{await _error}");
                }

                Assert.True(clock.Elapsed < timeout, $"tolk did not print '{text}' within {timeout}:\n{Output}");
                await Task.Delay(200);
            }
        }

        /// <summary>Sends SIGINT, what Ctrl+C sends.</summary>
        public async Task InterruptAsync()
        {
            using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        /// <summary>Waits for the process to end.</summary>
        public async Task<(int ExitCode, string Output, string Error)> WaitAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                Assert.Fail($"tolk did not finish within {timeout}:\n{Output}");
            }

            await _reading;
            return (_process.ExitCode, Output, await _error);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
