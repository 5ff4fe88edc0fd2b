using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tolk.Emulation.Data;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Emulation.Tests;

/// <summary>The smallest emulator that uses every kernel service: a "notes" API with one webhook target.</summary>
internal sealed class NotesEmulator : SystemEmulator
{
    private int _nextId;

    public NotesEmulator(EmulatorContext context) : base(context)
    {
        Notes = Database.Add("notes");
        Database.Changed += change =>
        {
            if (WebhookTarget is { } target)
            {
                Context.Webhooks.Enqueue(new Webhooks.WebhookDelivery("hook", target,
                    System.Text.Encoding.UTF8.GetBytes($"{{\"id\":\"{change.Id}\",\"kind\":\"{change.Kind}\"}}"),
                    new Dictionary<string, string> { ["X-Test"] = "1" },
                    new Webhooks.WebhookRetryPolicy(3, _ => TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5))));
            }
        };
    }

    public RecordTable Notes { get; }

    public Uri? WebhookTarget { get; set; }

    public override string Name => "notes";

    public override string ApiPrefix => "/api";

    public override IReadOnlyDictionary<string, string> Credentials => new Dictionary<string, string> { ["token"] = "t" };

    public override void Seed(SampleWorld world)
    {
        _nextId = 0;
        foreach (var org in world.Organizations.Take(3))
        {
            var id = (++_nextId).ToString();
            Notes.Put(id, new JsonObject { ["id"] = id, ["text"] = org.Name, ["edited"] = "never" }, ChangeOrigin.Api);
        }
    }

    public override void MapApi(IEndpointRouteBuilder api)
    {
        api.MapGet("/notes", () => TypedResults.Ok(Notes.All()));
        api.MapPost("/notes", (JsonObject body) =>
        {
            var id = Interlocked.Increment(ref _nextId).ToString();
            body["id"] = id;
            Notes.Put(id, body, ChangeOrigin.Api);
            return TypedResults.Created($"/api/notes/{id}", body);
        });
    }

    public override Task WriteErrorAsync(HttpContext context, int status, string? message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { problem = message ?? "injected" });
    }

    protected override void Touch(string collection, JsonObject record, DateTimeOffset now) => record["edited"] = now.ToString("O");

    protected override void SaveState(JsonObject state) => state["nextId"] = Volatile.Read(ref _nextId);

    protected override void RestoreState(JsonObject state) => _nextId = State.StateJson.ReadInt(state, "nextId");
}
