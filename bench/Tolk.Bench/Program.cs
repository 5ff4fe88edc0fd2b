using Tolk.Bench;

// Usage: dotnet run -c Release --project bench/Tolk.Bench -- store [records]
//        dotnet run -c Release --project bench/Tolk.Bench -- emulators [rounds] [edits per system] [size]
//        dotnet run -c Release --project bench/Tolk.Bench -- engine [size ...]   (default: demo 10)
//        dotnet run -c Release --project bench/Tolk.Bench -- latency [webhook edits] [polled edits] [poll interval s] [spacing s]   (default: 200 50 2 2)
switch (args.FirstOrDefault())
{
    case "store":
        var records = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        return await StoreBenchmark.RunAsync(records);
    case "emulators":
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8;
        var edits = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 25;
        return await Tolk.Bench.Emulators.EmulatorsBenchmark.RunAsync(rounds, edits, args.Length > 3 ? args[3] : "large");
    case "engine":
        return await Tolk.Bench.Engine.EngineBenchmark.RunAsync(args.Length > 1 ? args[1..] : ["demo", "10"]);
    case "latency":
        // latency [webhook edits] [polled edits] [poll interval s] [most seconds between webhook edits]
        return await Tolk.Bench.Latency.LatencyBenchmark.RunAsync(
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200,
            args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50,
            TimeSpan.FromSeconds(args.Length > 3 ? double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2),
            TimeSpan.FromSeconds(args.Length > 4 ? double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 2));
    default:
        Console.Error.WriteLine("usage: Tolk.Bench store [records] | emulators [rounds] [edits per system] [size] | engine [size ...] | latency [webhook edits] [polled edits] [poll interval s] [spacing s]");
        return 2;
}
