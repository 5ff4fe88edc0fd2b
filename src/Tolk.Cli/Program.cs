using System.CommandLine;
using Spectre.Console;
using Tolk.Cli;

// Redirected output is read in files and logs, not an 80-column terminal: keep table rows on one line.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 160;
}

var parse = TolkCommand.Create().Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync($"tolk: {error.Message}");
    }
    await Console.Error.WriteLineAsync("Run 'tolk --help' for the commands.");
    return ExitCodes.Usage;
}

try
{
    // Ctrl+C cancels the command's token; the sync finishes its current write and the store closes cleanly meanwhile.
    return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(20), EnableDefaultExceptionHandler = false });
}
#pragma warning disable CA1031 // The last line of defence: one clear line instead of a stack trace.
catch (Exception e)
#pragma warning restore CA1031
{
    await Console.Error.WriteLineAsync($"error: tolk stopped on an unexpected {e.GetType().Name}: {e.Message}");
    return ExitCodes.Failed;
}
