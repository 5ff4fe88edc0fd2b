using System.CommandLine;
using System.Net;
using Tolk.Emulation.Sample;
using Tolk.Emulation.State;
using Tolk.Emulators;

var portBase = new Option<int>("--port-base") { Description = "Port of the first emulator; the six use this and the next five (0: free ports)", DefaultValueFactory = _ => EmulatorCatalog.DefaultPortBase };
var seed = new Option<int>("--seed") { Description = "Seed of the sample data; the same seed always gives the same data", DefaultValueFactory = _ => 42 };
var size = new Option<string>("--size") { Description = "small, demo, large (over 100,000 records) or a scale factor", DefaultValueFactory = _ => "demo" };
var bind = new Option<string>("--bind") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
var state = new Option<string?>("--state")
{
    Description = "Folder to keep the emulators' state in: resumed from when it holds snapshots (then --seed and --size are those it was made with), "
        + "seeded and saved into when not; saved every 15 s while something changed and on Ctrl+C",
};
var root = new RootCommand("Serves the six Tolk emulators (Asana, Trello, Tidsbanken, Customerp, Custompms, Crmoffice). "
    + "The first line of output is one JSON object with each system's base URL and credentials.") { portBase, seed, size, bind, state };

root.SetAction(async (parse, cancellationToken) =>
{
    var (scale, sizeError) = SampleOptions.ParseSize(parse.GetValue(size)!);
    if (sizeError is not null)
    {
        await Console.Error.WriteLineAsync($"tolk-emulators: {sizeError}");
        return 2;
    }
    if (!IPAddress.TryParse(parse.GetValue(bind), out var address))
    {
        await Console.Error.WriteLineAsync($"tolk-emulators: --bind: '{parse.GetValue(bind)}' is not an IP address");
        return 2;
    }
    var port = parse.GetValue(portBase);
    if (port is < 0 or > 65529)
    {
        await Console.Error.WriteLineAsync($"tolk-emulators: --port-base: {port} leaves no room for six ports");
        return 2;
    }
    EmulatorFleet fleet;
    try
    {
        fleet = await EmulatorFleet.StartAsync(new EmulatorFleetOptions
        {
            PortBase = port,
            Address = address,
            Sample = new SampleOptions(parse.GetValue(seed), scale!.Value),
            StateFolder = parse.GetValue(state) is { } folder ? Path.GetFullPath(folder) : null,
            SaveFailed = e => Console.Error.WriteLine($"tolk-emulators: {e.Message}"),
        }, cancellationToken);
    }
    catch (EmulatorStateException e)
    {
        await Console.Error.WriteLineAsync($"tolk-emulators: {e.Message}. Remove the folder (or give another --state) to start from the sample.");
        return 1;
    }
    await using var running = fleet;
    Console.WriteLine(fleet.Describe().ToJsonString());
    if (fleet.ResumedFrom is { } resumed)
    {
        await Console.Error.WriteLineAsync($"tolk-emulators: resumed from {resumed.Folder} (seed {fleet.Sample.Seed}, scale {fleet.Sample.Scale}, saved {resumed.SavedAt:u}).");
    }
    await Console.Error.WriteLineAsync("tolk-emulators: serving; Ctrl+C stops.");
    try
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
    catch (OperationCanceledException)
    {
    }
    return 0;
});
return await root.Parse(args).InvokeAsync();
