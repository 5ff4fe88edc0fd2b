using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tolk.Emulation.Faults;

namespace Tolk.Server.Tests.Harness;

/// <summary>Real situations made through the emulators as a person would: a conflict, a failed write, a quiet moment.</summary>
internal static class Scenarios
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>
    /// While the four flows of Customerp projects (3, 12, 16, 20) are paused, a project is renamed in Asana (Tolk takes
    /// it into the golden record and passes it on to Custompms) and then in Customerp, which Tolk does not read while
    /// paused. On resume both sides changed the name since they were last in sync: a conflict, which the newer
    /// (Customerp's) edit wins. Returns the conflict's id and the two names.
    /// </summary>
    public static async Task<(long Id, string AsanaName, string CustomerpName)> ConflictAsync(ServerFixture fixture, int link)
    {
        int[] flows = [3, 12, 16, 20];
        var (asana, customerp) = await fixture.FirstLinkAsync(3, link);
        var before = await ConflictIdsAsync(fixture);
        foreach (var flow in flows)
        {
            (await fixture.Api.PostAsync($"api/flows/{flow}/pause", null)).EnsureSuccessStatusCode();
        }

        var asanaName = $"Asana's name {Guid.NewGuid():N}"[..24];
        var customerpName = $"Customerp's name {Guid.NewGuid():N}"[..28];
        try
        {
            await fixture.Admin("asana").EditAsync("projects", asana, new JsonObject { ["name"] = asanaName });
            var record = $"api/records/asana/project/{asana}";
            Assert.True(await ServerFixture.EventuallyAsync(async () =>
                (string?)(await fixture.Api.GetFromJsonAsync<JsonObject>(record))!["clusters"]![0]!["title"] == asanaName, Patience),
                "the Asana edit never reached the golden record");
            await fixture.Admin("customerp").EditAsync("projects", customerp, new JsonObject { ["name"] = customerpName });
        }
        finally
        {
            foreach (var flow in flows)
            {
                (await fixture.Api.PostAsync($"api/flows/{flow}/resume", null)).EnsureSuccessStatusCode();
            }
        }

        JsonObject? conflict = null;
        Assert.True(await ServerFixture.EventuallyAsync(async () =>
        {
            var conflicts = await fixture.Api.GetFromJsonAsync<JsonArray>("api/conflicts");
            conflict = conflicts!.OfType<JsonObject>().FirstOrDefault(c => !before.Contains((long)c["id"]!) && (string?)c["property"] == "name");
            return conflict is not null;
        }, Patience), "no conflict was logged");
        return ((long)conflict!["id"]!, asanaName, customerpName);
    }

    /// <summary>
    /// Customerp refuses updates of one project (a 422, as a validation rule would) while its Asana counterpart is
    /// renamed: the write fails and an error is recorded. The fault is cleared before returning, so a retry succeeds.
    /// Returns the error's id, the Customerp project and the name that did not arrive.
    /// </summary>
    public static async Task<(long Id, string CustomerpProject, string Name)> FailedWriteAsync(ServerFixture fixture, int link)
    {
        var (asana, customerp) = await fixture.FirstLinkAsync(3, link);
        var admin = fixture.Admin("customerp");
        await admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "PATCH", Path: $"*/projects/{customerp}", Probability: 1, Status: 422,
            Message: "name: a project in invoicing cannot be renamed"));
        try
        {
            var name = $"Renamed {Guid.NewGuid():N}"[..20];
            await fixture.Admin("asana").EditAsync("projects", asana, new JsonObject { ["name"] = name });
            JsonObject? error = null;
            Assert.True(await ServerFixture.EventuallyAsync(async () =>
            {
                var errors = await fixture.Api.GetFromJsonAsync<JsonArray>("api/errors");
                error = errors!.OfType<JsonObject>().FirstOrDefault(e =>
                    (string?)e["system"] == "customerp" && (string?)e["recordId"] == customerp && (string?)e["stage"] == "apply");
                return error is not null;
            }, Patience), "the refused write was not recorded as an error");
            // Echoes of the rename in other systems make Tolk try again while the fault holds; once the attempts stop
            // counting up, nothing touches the cluster any more and only a retry will write it.
            var attempts = (int)error!["attempts"]!;
            var (started, steady) = (DateTime.UtcNow, DateTime.UtcNow);
            while (DateTime.UtcNow - steady < TimeSpan.FromSeconds(3) && DateTime.UtcNow - started < Patience)
            {
                await Task.Delay(200);
                var now = (await fixture.Api.GetFromJsonAsync<JsonArray>("api/errors"))!.OfType<JsonObject>()
                    .Where(e => (long)e["id"]! == (long)error["id"]!).Select(e => (int)e["attempts"]!).FirstOrDefault();
                if (now != attempts)
                {
                    (attempts, steady) = (now, DateTime.UtcNow);
                }
            }

            return ((long)error["id"]!, customerp, name);
        }
        finally
        {
            await admin.ClearFaultsAsync();
        }
    }

    /// <summary>The link of <paramref name="flow"/> whose source is <paramref name="source"/>.</summary>
    public static async Task<(string Source, string Target)> LinkOfAsync(ServerFixture fixture, int flow, string source)
    {
        var page = await fixture.Api.GetFromJsonAsync<JsonObject>($"api/flows/{flow}/links?limit=1000");
        var link = page!["links"]!.AsArray().First(l => (string?)l!["source"]!["recordId"] == source)!;
        return (source, (string)link["target"]!["recordId"]!);
    }

    /// <summary>Waits until <paramref name="system"/> has not been read for <paramref name="quiet"/> (echoes of earlier writes have settled).</summary>
    public static async Task<DateTimeOffset> QuietAsync(ServerFixture fixture, string system, TimeSpan quiet)
    {
        var last = fixture.Runner.LastRead.GetValueOrDefault(system);
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow - since < quiet)
        {
            await Task.Delay(100);
            var now = fixture.Runner.LastRead.GetValueOrDefault(system);
            if (now != last)
            {
                (last, since) = (now, DateTime.UtcNow);
            }
        }

        return last;
    }

    private static async Task<HashSet<long>> ConflictIdsAsync(ServerFixture fixture) =>
        [.. (await fixture.Api.GetFromJsonAsync<JsonArray>("api/conflicts?limit=1000"))!.Select(c => (long)c!["id"]!)];
}
