using Tolk.Bench;

// Usage: dotnet run -c Release --project bench/Tolk.Bench -- store [records]
switch (args.FirstOrDefault())
{
    case "store":
        var records = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        return await StoreBenchmark.RunAsync(records);
    default:
        Console.Error.WriteLine("usage: Tolk.Bench store [records]");
        return 2;
}
