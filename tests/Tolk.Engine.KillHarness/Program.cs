using System.Globalization;
using Tolk.Engine;
using Tolk.Engine.KillHarness;
using Tolk.Hub.Store;
using Tolk.Runtime;
using Tolk.Sync.Configuration;

// Usage: dotnet Tolk.Engine.KillHarness.dll <store path> <config folder> <system> <n>, endpoints as JSON on standard input.
// Opens the hub store and the engine against the test's emulators with the real connectors, the one of <system> wrapped
// so that the process kills itself right after that system's <n>th successful create, and syncs until then.
if (args.Length != 4 || !int.TryParse(args[3], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
{
    Console.Error.WriteLine("usage: Tolk.Engine.KillHarness <store path> <config folder> <system> <n ≥ 1>, endpoints as JSON on standard input");
    return KillPlan.UsageError;
}

var (storePath, configFolder, system) = (args[0], args[1], args[2]);
var configuration = ConfigurationLoader.LoadValid(configFolder);
var connectors = ConnectorFactory.CreateAll(HarnessEndpoints.Parse(await Console.In.ReadToEndAsync()), configuration);
if (!connectors.TryGetValue(system, out var target))
{
    Console.Error.WriteLine($"system: no endpoint for '{system}' on standard input (it has {string.Join(", ", connectors.Keys)})");
    return KillPlan.UsageError;
}

connectors[system] = new KillingConnector(target, n);
await using var store = await SqliteHubStore.OpenAsync(new SqliteHubStoreOptions { Path = storePath }, TimeProvider.System);
using var engine = await SyncEngine.OpenAsync(configuration, store, connectors);
for (var cycle = 0; cycle < 8; cycle++)
{
    var report = await engine.RunCycleAsync();
    Console.WriteLine($"cycle {cycle + 1}: {report.Writes} writes");
    if (report.Writes == 0)
    {
        break;
    }
}

Console.WriteLine(KillPlan.NotKilled);
return KillPlan.NoKill;
