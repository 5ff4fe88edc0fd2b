using Tolk.Engine.Tests.Harness;
using Xunit.Abstractions;

namespace Tolk.Engine.Tests;

public sealed class InitialSyncTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Initial_sync_links_every_flow_and_a_second_sync_writes_nothing()
    {
        await using var harness = new SyncHarness();
        await harness.InitializeAsync();
        var initial = harness.Initial!;
        output.WriteLine($"initial: {initial.Writes} writes, {initial.Processed} processed, {initial.Elapsed}");
        foreach (var (number, stats) in initial.Flows)
        {
            output.WriteLine($"flow {number}: read {stats.Read} matched {stats.Matched} inserted {stats.Inserted} updated {stats.Updated} waiting {stats.Waiting} errors {stats.Errors} conflicts {stats.Conflicts}");
        }
        foreach (var waiting in initial.Waiting.Take(20))
        {
            output.WriteLine($"waiting: {waiting}");
        }
        foreach (var error in (await harness.Store.GetErrorsAsync(false, 30)))
        {
            output.WriteLine($"error: {error.Dataset} {error.RecordId} {error.Stage} {error.Field}: {error.Message}");
        }

        var again = await harness.Engine.RunCycleAsync();
        output.WriteLine($"second: {again.Writes} writes, {again.Processed} processed");
        foreach (var (number, stats) in again.Flows.Where(f => f.Value.Inserted + f.Value.Updated + f.Value.Errors > 0))
        {
            output.WriteLine($"again flow {number}: inserted {stats.Inserted} updated {stats.Updated} errors {stats.Errors}");
        }
        Assert.Equal(0, again.Writes);
    }
}
