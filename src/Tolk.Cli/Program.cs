using Tolk.Cli;

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
return await parse.InvokeAsync();
