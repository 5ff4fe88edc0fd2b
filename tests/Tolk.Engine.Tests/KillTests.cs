using Tolk.Engine.Tests.Recovery;
using Tolk.Hub.Store;
using Xunit.Abstractions;

namespace Tolk.Engine.Tests;

/// <summary>
/// The engine killed (SIGKILL, in a child process) right after a target system created a record and before the engine
/// recorded it: on restart the pending write intent is resolved by finding that record, and nothing is created twice.
/// </summary>
[Collection(RecoveryTests.Name)]
public sealed class KillTests(CleanSync clean, ITestOutputHelper output)
{
    // The create after which the harness dies: not the first, so earlier creates of the system are already recorded.
    private const int KillAfterCreate = 2;

    [Theory]
    [InlineData("customerp")] // Idempotency-Key on the API; a lost create is looked up among recent records by merge key
    [InlineData("tidsbanken")] // keys the client chooses (derived from the intent's key); numbered Ansatt by merge-key search
    [InlineData("crmoffice")] // no key at all: a lookup of the records created since just before, by merge key or all fields
    [InlineData("custompms")] // Idempotency-Key with a retention window; a lost create is found in a keyset listing of recent records
    public async Task an_engine_killed_between_a_create_and_its_bookkeeping_adopts_the_record_on_restart_without_a_duplicate(string system)
    {
        await using var run = await RecoveryRun.StartAsync();

        var child = await KillHarnessProcess.RunAsync(run, system, KillAfterCreate, TimeSpan.FromMinutes(4));

        foreach (var line in child.Output)
        {
            output.WriteLine($"harness: {line}");
        }

        var killed = child.Killed ?? throw new Xunit.Sdk.XunitException($"the harness was not killed (exit {child.ExitCode}): {child.Errors}");
        Assert.Equal(137, child.ExitCode); // 128 + SIGKILL
        Assert.Equal(system, killed.System);
        var collection = CreatedRecords.Collection(system, killed.Datatype);
        Assert.NotNull(await run.Sandbox.Fleet[system].Admin.GetAsync(collection, killed.RecordId));

        await run.OpenEngineAsync();
        var dataset = new Dataset(system, killed.Datatype);
        var intent = Assert.Single(await run.Store.GetPendingIntentsAsync(), i => i.IdempotencyKey == killed.IdempotencyKey);
        Assert.Equal(dataset, intent.Dataset);
        Assert.DoesNotContain(await run.Store.FindMembersAsync(dataset, killed.RecordId), m => m.Role == intent.Role);

        var reports = await run.SyncToRestAsync();
        output.WriteLine($"after the restart: {reports.Count} cycles, {string.Join(", ", reports.Select(r => r.Writes))} writes");

        Assert.Empty(await run.Store.GetPendingIntentsAsync());
        var resolved = await run.Store.GetIntentAsync(intent.Id);
        Assert.Equal(IntentState.Done, resolved?.State);
        Assert.Equal(killed.RecordId, resolved!.RecordId);
        var member = Assert.Single(await run.Store.FindMembersAsync(dataset, killed.RecordId), m => m.Role == intent.Role);
        Assert.Equal(resolved.ClusterId, member.ClusterId);
        Assert.Equal([killed.RecordId], await CreatedRecords.FindAsync(run.Sandbox, system, killed.Datatype, killed.Fields, killed.Match));
        Assert.Empty(EmulatorCounts.Differences(clean.Counts, await EmulatorCounts.ReadAsync(run.Sandbox)));
    }
}
