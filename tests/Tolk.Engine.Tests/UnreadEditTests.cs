using System.Text.Json.Nodes;
using Tolk.Engine.Running;
using Tolk.Engine.Tests.Harness;
using Tolk.Hub.Store;

namespace Tolk.Engine.Tests;

/// <summary>
/// A write that meets an edit Tolk has not read yet: a system that checks versions (Customerp's If-Match) refuses it,
/// and the engine merges the edit it was shown before writing again, so the later edit wins and the other is logged.
/// </summary>
public sealed class UnreadEditTests
{
    [Fact]
    public async Task A_rename_tolk_has_not_read_yet_is_not_written_over_the_later_one_wins_and_the_conflict_is_logged()
    {
        await using var harness = new SyncHarness();
        await harness.InitializeAsync();
        var link = (await harness.Store.GetFlowLinksAsync(new Dataset("asana", "project"), new Dataset("customerp", "project")))
            .First(l => l.Source.Role.Length == 0 && l.Target.Role.Length == 0);
        var (asanaId, customerpId) = (link.Source.RecordId, link.Target.RecordId);
        var asanaName = $"Asana rename {Guid.NewGuid():N}"[..30];
        var customerpName = $"Customerp rename {Guid.NewGuid():N}"[..30];
        await harness.Admin("asana").EditAsync("projects", asanaId, new JsonObject { ["name"] = asanaName });
        await Task.Delay(TimeSpan.FromMilliseconds(20));
        await harness.Admin("customerp").EditAsync("projects", customerpId, new JsonObject { ["name"] = customerpName });
        var callsBefore = await harness.Admin("customerp").CallCountAsync();

        // Only Asana is read, as when its webhook arrives before Customerp's: Tolk does not know of the later rename yet.
        await harness.Engine.RunCycleAsync(new CollectRequest().Read(new Dataset("asana", "project"), asanaId));

        var refused = (await harness.Admin("customerp").CallsAsync()).Calls.Where(c => c.Seq > callsBefore && c.Method == "PATCH");
        Assert.Contains(refused, c => c.Status == 412);
        Assert.Equal(customerpName, (string?)(await harness.Admin("customerp").GetAsync("projects", customerpId))?["name"]);
        Assert.Equal(customerpName, (string?)(await harness.Admin("asana").GetAsync("projects", asanaId))?["name"]);
        var conflict = Assert.Single(await harness.Store.GetConflictsAsync(link.ClusterId, 10), c => c.Property == "name");
        Assert.Contains(asanaName, conflict.Loser.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(await harness.Store.GetErrorsAsync(false, 100), e => e.RecordId == customerpId);
    }
}
