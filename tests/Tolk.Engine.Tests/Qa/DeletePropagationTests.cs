using System.Text.Json.Nodes;
using Tolk.Engine.Tests.Harness;
using Tolk.Hub.Store;
using Xunit.Abstractions;

namespace Tolk.Engine.Tests.Qa;

/// <summary>
/// The delete policy <c>propagate</c>, on a copy of <c>config/</c> whose flows 18 (customer → Kunde) and 19 (employee →
/// Ansatt) propagate deletes: in its own harness, since the QA suite's runs the configuration as shipped (unlink).
/// </summary>
public sealed class DeletePropagationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), "tolk-propagate-" + Guid.NewGuid().ToString("N"));
    private SyncHarness? _harness;

    public async Task InitializeAsync()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Config, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_config, Path.GetRelativePath(RepoPaths.Config, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var flows = Path.Combine(_config, "flows.yaml");
        var text = await File.ReadAllTextAsync(flows);
        foreach (var target in new[] { "tidsbanken.kunde }", "tidsbanken.ansatt }" })
        {
            Assert.Contains(target, text, StringComparison.Ordinal);
            text = text.Replace(target, target[..^1] + ", delete: propagate }", StringComparison.Ordinal);
        }

        await File.WriteAllTextAsync(flows, text);
        _harness = QaFixture.Create(_config);
        await _harness.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        Directory.Delete(_config, recursive: true);
    }

    [Fact]
    public async Task A_delete_on_either_side_of_a_propagating_flow_deletes_or_deactivates_the_linked_record()
    {
        var customers = new FlowCheck(_harness!, 18, Sides.CustomerpCustomer, Sides.TidsbankenKunde) { Log = output.WriteLine };

        // Deleted in Customerp: the linked Kunde is deleted in Tidsbanken.
        var first = await customers.InsertAsync(new JsonObject { ["name"] = "Strandkanten AS", ["org_number"] = Unique.OrgNumber() });
        await customers.DeleteAsync(Sides.CustomerpCustomer, first.SourceId);
        var reports = await customers.SyncAsync();
        Assert.Equal(1, reports.Sum(r => r.Flow(18).Deleted));
        Assert.Null(await customers.FindAsync(Sides.TidsbankenKunde, first.TargetId));
        Assert.Contains(await _harness!.Store.GetActivityAsync(0, 100, new MemberRecord(Sides.TidsbankenKunde.Dataset, first.TargetId)), a => a.Kind == ActivityKinds.Deleted);

        // Deleted in Tidsbanken: the linked Customerp customer is deleted (Customerp keeps it, soft-deleted); the
        // Trello workspace linked to it by flow 11, whose policy is unlink, is left alone.
        var second = await customers.InsertAsync(new JsonObject { ["name"] = "Fjellsiden AS", ["org_number"] = Unique.OrgNumber() });
        await customers.SyncAllAsync();
        var workspace = await customers.LinkedAsync(Sides.CustomerpCustomer, second.SourceId, Sides.TrelloOrganization);
        await customers.DeleteAsync(Sides.TidsbankenKunde, second.TargetId);
        await customers.SyncAsync();
        Assert.NotNull((await customers.GetAsync(Sides.CustomerpCustomer, second.SourceId))["deleted_at"]?.GetValue<string>());
        Assert.NotNull(workspace);
        Assert.NotNull(await customers.FindAsync(Sides.TrelloOrganization, workspace!));

        // Tidsbanken cannot delete an Ansatt: a deleted employee's Ansatt is deactivated instead.
        var employees = new FlowCheck(_harness!, 19, Sides.CustomerpEmployee, Sides.TidsbankenAnsatt) { Log = output.WriteLine };
        var person = await employees.InsertAsync(new JsonObject { ["first_name"] = "Eli", ["last_name"] = "Sund", ["email"] = Unique.Email("eli") });
        await employees.DeleteAsync(Sides.CustomerpEmployee, person.SourceId);
        reports = await employees.SyncAsync();
        Assert.Equal(1, reports.Sum(r => r.Flow(19).Deleted));
        var ansatt = await employees.GetAsync(Sides.TidsbankenAnsatt, person.TargetId);
        Assert.Equal((false, true), ((bool?)ansatt["Aktiv"], (bool?)ansatt["Sluttet"]));
        Assert.Null(await employees.ClusterOfAsync(Sides.TidsbankenAnsatt, person.TargetId));
        await employees.AssertNoApiWritesAsync();
    }
}
