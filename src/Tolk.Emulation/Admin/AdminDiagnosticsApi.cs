using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tolk.Emulation.Calls;
using Tolk.Emulation.Faults;
using Tolk.Emulation.Hosting;

namespace Tolk.Emulation.Admin;

/// <summary>The call log and fault rules through the admin channel.</summary>
internal static class AdminDiagnosticsApi
{
    public static void MapAdminCalls(this RouteGroupBuilder admin, SystemEmulator emulator)
    {
        var calls = emulator.Context.Calls;
        admin.MapGet("/calls", (long? since) => TypedResults.Ok(new CallLogPage(calls.Total, calls.Since(since ?? 0))));
        admin.MapDelete("/calls", () =>
        {
            calls.Clear();
            return TypedResults.NoContent();
        });
    }

    // The emulators of one host share its process, so any one of them reports the process; a benchmark reads it to tell
    // a leak (live heap after a full collection keeps growing) from ordinary garbage.
    public static void MapAdminRuntime(this RouteGroupBuilder admin) =>
        admin.MapGet("/runtime", (bool? collect) =>
        {
            if (collect == true)
            {
                // Aggressive: compacts and hands free memory back to the OS, so the resident set afterwards is what the
                // process really keeps.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }
            var info = GC.GetGCMemoryInfo();
            return TypedResults.Ok(new RuntimeStats(GC.GetTotalMemory(false), info.HeapSizeBytes, info.TotalCommittedBytes,
                GC.GetTotalAllocatedBytes(), Environment.WorkingSet, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)));
        });

    public static void MapAdminFaults(this RouteGroupBuilder admin, SystemEmulator emulator)
    {
        var faults = emulator.Context.Faults;
        admin.MapGet("/faults", () => TypedResults.Ok(faults.Rules));
        admin.MapPost("/faults", Results<Created<FaultRule>, BadRequest<AdminError>> (FaultRule rule) =>
        {
            var (stored, error) = faults.Add(rule);
            return stored is null ? TypedResults.BadRequest(new AdminError(error!)) : TypedResults.Created($"faults/{stored.Id}", stored);
        });
        admin.MapDelete("/faults", () =>
        {
            faults.Clear();
            return TypedResults.NoContent();
        });
        admin.MapDelete("/faults/{id}", Results<NoContent, NotFound<AdminError>> (string id) =>
            faults.Remove(id) ? TypedResults.NoContent() : TypedResults.NotFound(new AdminError($"no fault rule '{id}'")));
    }
}

/// <summary>The emulator process's memory as the runtime sees it (<c>GET /_emulator/runtime[?collect=true]</c>).</summary>
public sealed record RuntimeStats(long LiveBytes, long HeapSizeBytes, long CommittedBytes, long TotalAllocatedBytes, long WorkingSetBytes,
    int Gen0Collections, int Gen1Collections, int Gen2Collections);

/// <summary>A page of the call log: the total count since the last clear, and the retained calls asked for.</summary>
public sealed record CallLogPage(long Total, IReadOnlyList<CallRecord> Calls);
