namespace Tolk.Engine.Tests.Recovery;

/// <summary>
/// The reference: the initial sync of the small sample to rest with no fault and no kill, and what the emulators then
/// hold. A run that recovered from a crash or a lost response must end with exactly these counts: a duplicate anywhere
/// shows as one record more.
/// </summary>
public sealed class CleanSync : IAsyncLifetime
{
    /// <summary>Records per "system/collection" after the clean sync.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await using var run = await RecoveryRun.StartAsync();
        await run.OpenEngineAsync();
        await run.SyncToRestAsync();
        Counts = await EmulatorCounts.ReadAsync(run.Sandbox);
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>The tests that compare a recovered run with <see cref="CleanSync"/>; they share one clean run.</summary>
[CollectionDefinition(Name)]
public sealed class RecoveryTests : ICollectionFixture<CleanSync>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "recovery";
}
