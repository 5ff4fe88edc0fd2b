using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tolk.Emulation.Data;
using Tolk.Emulation.Sample;

namespace Tolk.Emulation.Hosting;

/// <summary>
/// The contract between the kernel and one system's emulator. The kernel hosts it, logs its calls, injects faults and
/// serves the admin channel; the emulator owns everything about its system's API and data.
/// </summary>
public abstract class SystemEmulator(EmulatorContext context)
{
    /// <summary>The kernel services this emulator runs on.</summary>
    public EmulatorContext Context { get; } = context;

    /// <summary>Shorthand for <see cref="EmulatorContext.Database"/>.</summary>
    public EmulatorDatabase Database => Context.Database;

    /// <summary>Lower-case system name: asana, trello, tidsbanken, customerp, custompms, crmoffice.</summary>
    public abstract string Name { get; }

    /// <summary>The real API's path prefix on this host ("/api/1.0" for Asana, "" where the API sits at the root).</summary>
    public abstract string ApiPrefix { get; }

    /// <summary>The credentials a client uses against this emulator, by the names the system's docs use.</summary>
    public abstract IReadOnlyDictionary<string, string> Credentials { get; }

    /// <summary>Fills the (already emptied) database from the shared sample world.</summary>
    public abstract void Seed(SampleWorld world);

    /// <summary>Maps the real API's endpoints on a group rooted at <see cref="ApiPrefix"/>.</summary>
    public abstract void MapApi(IEndpointRouteBuilder api);

    /// <summary>Writes an error response with <paramref name="status"/> in the system's own format (used for injected faults).</summary>
    public abstract Task WriteErrorAsync(HttpContext context, int status, string? message);

    /// <summary>Adds the system's authentication and rate limiting; must let <c>/_emulator</c> paths through.</summary>
    public virtual void ConfigurePipeline(IApplicationBuilder app)
    {
    }

    /// <summary>Creates a record as a person would in the system's UI; returns the stored record or an error.</summary>
    public virtual (JsonObject? Record, string? Error) PersonCreate(string collection, JsonObject fields) =>
        (null, $"{Name} does not let a person create {collection} through the emulator");

    /// <summary>Edits a record as a person would: the system's modification time and change feeds move as for any edit.</summary>
    public virtual (JsonObject? Record, string? Error) PersonUpdate(string collection, string id, JsonObject patch)
    {
        var records = Database.Find(collection);
        var record = records?.Get(id);
        if (records is null || record is null)
        {
            return (null, $"no {collection} record with id '{id}'");
        }
        foreach (var (key, value) in patch)
        {
            record[key] = value?.DeepClone();
        }
        Touch(collection, record, Context.Time.GetUtcNow());
        records.Put(id, record, ChangeOrigin.Person);
        return (record, null);
    }

    /// <summary>Deletes a record as a person would; returns an error or null.</summary>
    public virtual string? PersonDelete(string collection, string id)
    {
        var records = Database.Find(collection);
        return records is not null && records.Remove(id, ChangeOrigin.Person) ? null : $"no {collection} record with id '{id}'";
    }

    /// <summary>Sets the system's modification time (and version, where it has one) on an edited record.</summary>
    protected virtual void Touch(string collection, JsonObject record, DateTimeOffset now)
    {
    }

    /// <summary>The emulator's adjustable settings (rate limits, switches) as JSON.</summary>
    public virtual JsonObject GetSettings() => [];

    /// <summary>Applies settings from the admin channel; returns an error naming the bad setting, or null.</summary>
    public virtual string? ApplySettings(JsonObject settings) =>
        settings.Count == 0 ? null : $"{settings.First().Key}: {Name} has no such setting";

    /// <summary>Makes every outstanding sync token, cursor or change-log position expire, as after a long outage.</summary>
    public virtual void ExpireChangeTokens()
    {
    }

    /// <summary>Clears state that is not records (change feeds, webhooks, rate windows) before a reseed.</summary>
    public virtual void ResetState()
    {
    }

    /// <summary>
    /// Writes the state beyond the records that a restart must keep for the emulator to go on as the same live system:
    /// id counters, change logs and their positions, webhook secrets, issued tokens. Settings, rate windows and
    /// anything derived from the records are left out. Called after the records were copied.
    /// </summary>
    protected virtual void SaveState(JsonObject state)
    {
    }

    /// <summary>
    /// Restores what <see cref="SaveState"/> wrote, after the kernel loaded the records without raising changes: so
    /// indexes kept from the change stream must be rebuilt here. Throw <see cref="State.EmulatorStateException"/>
    /// (the <see cref="State.StateJson"/> getters do) for state that does not fit.
    /// </summary>
    protected virtual void RestoreState(JsonObject state)
    {
    }

    /// <summary>
    /// The lock the emulator's writes hold, if they share one: a snapshot is taken holding it, so no write is half in it.
    /// Without one, a snapshot is taken while writes go on (its restore must then tolerate counters ahead of records).
    /// </summary>
    protected virtual Lock? WriteGate => null;

    internal JsonObject SaveStateForSnapshot()
    {
        var state = new JsonObject();
        SaveState(state);
        return state;
    }

    internal void RestoreStateFromSnapshot(JsonObject state) => RestoreState(state);

    internal T PauseWritesFor<T>(Func<T> snapshot)
    {
        if (WriteGate is not { } gate)
        {
            return snapshot();
        }
        lock (gate)
        {
            return snapshot();
        }
    }
}
