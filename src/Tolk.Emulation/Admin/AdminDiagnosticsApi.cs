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

/// <summary>A page of the call log: the total count since the last clear, and the retained calls asked for.</summary>
public sealed record CallLogPage(long Total, IReadOnlyList<CallRecord> Calls);
