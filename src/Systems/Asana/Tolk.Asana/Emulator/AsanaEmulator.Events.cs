using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Asana.Emulator;

/// <summary>
/// The events endpoint: <c>GET /events?resource=&amp;sync=</c>. Without a token, or with one that expired (24 h) or was
/// expired by the admin channel, it answers 412 with a fresh token; otherwise at most 100 events and <c>has_more</c>.
/// Every change, through the API or by a person, lands here through the database's change stream.
/// </summary>
public sealed partial class AsanaEmulator
{
    private static readonly string[] EventResources = [ResourceTypes.Task, ResourceTypes.Project, ResourceTypes.Team, ResourceTypes.Workspace, ResourceTypes.User];

    /// <summary>The most events one call answers.</summary>
    internal int EventsPerCall { get; set; } = 100;

    private IEnumerable<ApiRoute> EventRoutes() =>
    [
        ApiRoute.Sync("GET", "/events", request =>
        {
            if (request.Param("resource") is not { } resource)
            {
                return AsanaErrors.Missing("resource");
            }
            if (FindResource("resource", resource).Error is { } error)
            {
                return error;
            }
            var position = request.Param("sync") is { } token ? _sync.Read(token, resource) : null;
            if (position is not { } after || after < _events.PrunedThrough || after > _events.Head)
            {
                return AsanaErrors.SyncExpired(_sync.Issue(resource, _events.Head));
            }
            var (events, last, hasMore) = _events.Read(resource, after, EventsPerCall);
            return new ApiResult(200, new JsonObject
            {
                ["data"] = new JsonArray(events.Select(e => (JsonNode)e.Event.DeepClone()).ToArray()),
                ["sync"] = _sync.Issue(resource, last),
                ["has_more"] = hasMore,
            });
        }),
    ];

    /// <summary>A record of any type that has events, by gid.</summary>
    private (JsonObject? Record, ApiResult? Error) FindResource(string field, string gid)
    {
        if (!Gids.IsWellFormed(gid))
        {
            return (null, AsanaErrors.Bad($"{field}: Not a recognized ID: {gid}"));
        }
        foreach (var type in EventResources)
        {
            if (TableOf(type).Get(gid) is { } record)
            {
                return (record, null);
            }
        }
        return (null, AsanaErrors.Bad($"{field}: Unknown object: {gid}"));
    }

    // The one place changes become events and webhook deliveries, whoever made them.
    private void OnChanged(RecordChange change)
    {
        if (change.After?["name"] is JsonValue name && name.TryGetValue<string>(out var text))
        {
            _names[change.Id] = text;
        }
        else if (change.Kind == ChangeKind.Deleted)
        {
            _names.TryRemove(change.Id, out _);
        }
        var type = ResourceTypes.OfCollection(change.Collection);
        if (_seeding || type is null || !EventResources.Contains(type))
        {
            return;
        }
        Trash(change);
        IReadOnlyList<EventShape> shapes = IsRestore(change) ? [new EventShape("undeleted", null, null)] : ChangeEvents.Describe(change);
        if (shapes.Count == 0)
        {
            return;
        }
        var actor = Users.Get(ActorFor(change.Origin));
        var user = new JsonObject { ["gid"] = actor?["gid"]?.DeepClone(), ["resource_type"] = ResourceTypes.User, ["name"] = actor?["name"]?.DeepClone() };
        var resource = Ref(change.After ?? change.Before!);
        var scopes = ChangeEvents.Scopes(change);
        var at = Stamp(change.At);
        var logged = shapes.Select(shape =>
        {
            var apiEvent = new JsonObject
            {
                ["user"] = user.DeepClone(),
                ["created_at"] = at,
                ["type"] = type,
                ["action"] = shape.Action,
                ["resource"] = resource.DeepClone(),
                ["parent"] = shape.Parent?.DeepClone(),
            };
            if (shape.Change is not null)
            {
                apiEvent["change"] = shape.Change.DeepClone();
            }
            // Only the events endpoint's form is kept; webhooks get theirs now, as they are delivered at once.
            return (Logged: _events.Append(change.At, apiEvent, scopes), Hook: Skinny(apiEvent));
        }).ToList();
        _events.Prune(change.At - _sync.Lifetime);
        Deliver(logged);
    }

    // Webhook payloads are "skinny": compact references without names, and no deprecated type.
    private static JsonObject Skinny(JsonObject apiEvent)
    {
        var hook = (JsonObject)Strip(apiEvent)!;
        hook.Remove("type");
        return hook;
    }

    private static JsonNode? Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                var isReference = obj["gid"] is JsonValue && obj["resource_type"] is JsonValue;
                foreach (var (key, value) in obj)
                {
                    if (!(isReference && key == "name"))
                    {
                        copy[key] = Strip(value);
                    }
                }
                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(Strip).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
