using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tolk.Emulation.Faults;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Emulation.Admin;

/// <summary>
/// The admin side channel under <c>/_emulator/</c>: reset and seed, inspect and edit records as a person would, read the
/// call log, set faults and settings. It is never part of an emulated API and answers in its own plain JSON.
/// </summary>
public static class AdminApi
{
    /// <summary>Maps the admin channel for <paramref name="emulator"/>.</summary>
    public static IEndpointRouteBuilder MapEmulatorAdmin(this IEndpointRouteBuilder app, SystemEmulator emulator)
    {
        var admin = app.MapGroup(HttpContextExtensions.AdminPrefix);
        admin.MapGet("/", () => TypedResults.Ok(Describe(emulator)));
        admin.MapPost("/reset", (ResetRequest? request) => Reset(emulator, request));
        admin.MapPost("/expire", () =>
        {
            emulator.ExpireChangeTokens();
            emulator.Database.Touch();
            return TypedResults.NoContent();
        });
        admin.MapAdminRecords(emulator);
        admin.MapAdminCalls(emulator);
        admin.MapAdminFaults(emulator);
        admin.MapAdminRuntime();
        admin.MapGet("/settings", () => TypedResults.Ok(emulator.GetSettings()));
        admin.MapPut("/settings", Results<Ok<JsonObject>, BadRequest<AdminError>> (JsonObject settings) =>
            emulator.ApplySettings(settings) is { } error
                ? TypedResults.BadRequest(new AdminError(error))
                : TypedResults.Ok(emulator.GetSettings()));
        admin.MapGet("/webhooks/attempts", () => TypedResults.Ok(emulator.Context.Webhooks.Recent));
        return app;
    }

    private static Results<Ok<JsonObject>, BadRequest<AdminError>> Reset(SystemEmulator emulator, ResetRequest? request)
    {
        var sample = emulator.Context.Sample;
        if (request?.Size is { } size)
        {
            var (scale, error) = SampleOptions.ParseSize(size);
            if (error is not null)
            {
                return TypedResults.BadRequest(new AdminError(error));
            }
            sample = sample with { Scale = scale!.Value };
        }
        if (request?.Seed is { } seed)
        {
            sample = sample with { Seed = seed };
        }
        emulator.Context.Sample = sample;
        emulator.Database.Clear();
        emulator.Context.Faults.Clear(sample.Seed);
        emulator.Context.Calls.Clear();
        emulator.Context.Webhooks.CancelPending();
        emulator.Context.Webhooks.ClearHistory();
        emulator.ResetState();
        if (request?.Empty != true)
        {
            emulator.Seed(SampleWorld.Create(sample));
        }
        return TypedResults.Ok(Describe(emulator));
    }

    private static JsonObject Describe(SystemEmulator emulator)
    {
        var collections = new JsonObject();
        foreach (var c in emulator.Database.Collections)
        {
            collections[c.Name] = c.Count;
        }
        return new JsonObject
        {
            ["system"] = emulator.Name,
            ["apiPrefix"] = emulator.ApiPrefix,
            ["seed"] = emulator.Context.Sample.Seed,
            ["scale"] = emulator.Context.Sample.Scale,
            ["collections"] = collections,
            ["calls"] = emulator.Context.Calls.Total,
            ["faults"] = emulator.Context.Faults.Rules.Count,
            ["pendingWebhooks"] = emulator.Context.Webhooks.Pending,
        };
    }
}

/// <summary>The body of <c>POST /_emulator/reset</c>: reseed with another seed or size, or start empty.</summary>
public sealed record ResetRequest(int? Seed = null, string? Size = null, bool? Empty = null);

/// <summary>An admin channel error.</summary>
public sealed record AdminError(string Error);
