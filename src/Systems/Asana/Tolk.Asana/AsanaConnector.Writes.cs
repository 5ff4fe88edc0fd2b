using System.Globalization;
using System.Text.Json.Nodes;
using Tolk.Asana.Internal;
using Tolk.Asana.Internal.Dto;
using Tolk.Connectors;

namespace Tolk.Asana;

/// <summary>Writes: create (201), update (PUT, task projects through addProject/removeProject) and delete, as Asana takes them.</summary>
public sealed partial class AsanaConnector
{
    /// <inheritdoc />
    public async Task<WriteOutcome> CreateAsync(string datatype, CreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Writable(datatype, Capabilities.Create) is not { } type)
        {
            return NotSupported(datatype, "create");
        }
        var started = _time.GetUtcNow();
        var response = await _api.SendAsync(HttpMethod.Post, $"{type.Path}?opt_fields={type.OptFields}", request.Properties, cancellationToken);
        if (!response.Lost)
        {
            return Written(type, response);
        }
        // Asana has no idempotency keys: the record the lost request may have made is looked up by its fields instead.
        var (found, failure) = await FindAsync(type, request, started - _options.LostCreateWindow, cancellationToken);
        if (found is not null)
        {
            return WriteOutcome.Ok(found);
        }
        return WriteOutcome.Fail(FailureKind.Unavailable, failure is null
            ? $"asana {datatype}: the create's response was lost ({response.Transport}) and no such record exists, so creating it again is safe"
            : $"asana {datatype}: the create's response was lost ({response.Transport}) and looking for the record failed: {failure.Message}");
    }

    /// <inheritdoc />
    public async Task<ConnectorRecord?> FindCreatedAsync(string datatype, CreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Writable(datatype, Capabilities.Create) is { } type ? (await FindAsync(type, request, null, cancellationToken)).Record : null;
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> UpdateAsync(string datatype, string id, JsonObject changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (Writable(datatype, Capabilities.Update) is not { } type)
        {
            return NotSupported(datatype, "update");
        }
        var data = (JsonObject)changes.DeepClone();
        if (type.Name == "task" && data.Remove("projects", out var projects) && await MoveTaskAsync(id, projects, cancellationToken) is { } moveFailure)
        {
            return moveFailure;
        }
        var path = $"{type.Path}/{Uri.EscapeDataString(id)}?opt_fields={type.OptFields}";
        var response = data.Count == 0
            ? await _api.SendAsync(HttpMethod.Get, path, null, cancellationToken)
            : await _api.SendAsync(HttpMethod.Put, path, data, cancellationToken);
        return Written(type, response);
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> DeleteAsync(string datatype, string id, CancellationToken cancellationToken)
    {
        if (Writable(datatype, Capabilities.Delete) is not { } type)
        {
            return NotSupported(datatype, "delete");
        }
        var response = await _api.SendAsync(HttpMethod.Delete, $"{type.Path}/{Uri.EscapeDataString(id)}", null, cancellationToken);
        return response.Ok ? WriteOutcome.Ok(RecordNormalizer.Deleted(id)) : AsanaFailures.Outcome(response, _api.Guard);
    }

    // PUT /tasks cannot change projects: Asana moves a task with addProject and removeProject.
    private async Task<WriteOutcome?> MoveTaskAsync(string id, JsonNode? projects, CancellationToken cancellationToken)
    {
        if (projects is not JsonArray list || list.Any(p => p is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            return WriteOutcome.Fail(FailureKind.Rejected, "asana task: projects must be a list of project gids", "projects");
        }
        var wanted = list.Select(p => p!.GetValue<string>()).ToList();
        var current = await _api.SendAsync(HttpMethod.Get, $"tasks/{Uri.EscapeDataString(id)}?opt_fields=projects", null, cancellationToken);
        if (!current.Ok)
        {
            return AsanaFailures.Outcome(current, _api.Guard);
        }
        var now = (current.Data?["projects"] as JsonArray ?? []).Select(p => (string?)p?["gid"]).OfType<string>().ToList();
        var moves = wanted.Except(now).Select(p => ("addProject", p)).Concat(now.Except(wanted).Select(p => ("removeProject", p)));
        foreach (var (action, project) in moves)
        {
            var moved = await _api.SendAsync(HttpMethod.Post, $"tasks/{Uri.EscapeDataString(id)}/{action}", new JsonObject { ["project"] = project }, cancellationToken);
            if (!moved.Ok)
            {
                var failure = AsanaFailures.From(moved, _api.Guard);
                return new WriteOutcome(null, failure with { Field = failure.Field ?? "projects" });
            }
        }
        return null;
    }

    private async Task<(ConnectorRecord? Record, Failure? Failure)> FindAsync(AsanaDatatype type, CreateRequest request, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        if (CandidatePaths(type, request.Properties) is not { Count: > 0 } paths)
        {
            return (null, null);
        }
        var (items, failure) = await _lister.ListAllAsync(paths, type.OptFields, cancellationToken);
        if (failure is not null)
        {
            return (null, failure);
        }
        var match = items
            .Select(i => RecordNormalizer.Normalize(type, i).Record)
            .OfType<ConnectorRecord>()
            .Where(r => Matches(r, request) && (since is null || CreatedAt(r) is not { } at || at >= since))
            .OrderByDescending(r => CreatedAt(r) ?? DateTimeOffset.MinValue)
            .ThenByDescending(r => r.Id.Length)
            .ThenByDescending(r => r.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        return (match, null);
    }

    // Where a record created with these properties shows up: its project's tasks, its team's or workspace's projects, its organization's teams.
    private static List<string>? CandidatePaths(AsanaDatatype type, JsonObject properties)
    {
        string? Gid(string field) => properties[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        return type.Name switch
        {
            "task" when properties["projects"] is JsonArray projects =>
                [.. projects.Select(p => p is JsonValue v && v.TryGetValue<string>(out var s) ? $"projects/{s}/tasks" : null).OfType<string>()],
            "project" when Gid("team") is { } team => [$"teams/{team}/projects"],
            "project" when Gid("workspace") is { } workspace => [$"workspaces/{workspace}/projects"],
            "team" when Gid("organization") is { } organization => [$"workspaces/{organization}/teams"],
            _ => null,
        };
    }

    // The merge-key fields when the engine names them, else every plain value the create sent.
    private static bool Matches(ConnectorRecord record, CreateRequest request)
    {
        if (request.MatchFields is { Count: > 0 } keys)
        {
            return keys.All(k => Text(record.Properties[k.Key]) == k.Value);
        }
        var plain = request.Properties.Where(p => p.Value is JsonValue).ToList();
        return plain.Count > 0 && plain.All(p => JsonNode.DeepEquals(p.Value, record.Properties[p.Key]));
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();

    private static DateTimeOffset? CreatedAt(ConnectorRecord record) =>
        DateTimeOffset.TryParse(Text(record.Properties["created_at"]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private WriteOutcome Written(AsanaDatatype type, AsanaResponse response)
    {
        if (!response.Ok)
        {
            return AsanaFailures.Outcome(response, _api.Guard);
        }
        var (record, problem) = RecordNormalizer.Normalize(type, response.Data);
        return record is not null
            ? WriteOutcome.Ok(record)
            : WriteOutcome.Fail(FailureKind.Unavailable, $"asana accepted the write but answered a malformed record: {problem?.Message}", problem?.Field);
    }

    private static AsanaDatatype? Writable(string datatype, Capabilities wanted) =>
        AsanaDatatype.Find(datatype) is { } type && (type.Capabilities & wanted) == wanted ? type : null;

    private static WriteOutcome NotSupported(string datatype, string operation) =>
        WriteOutcome.Fail(FailureKind.NotSupported, AsanaDatatype.Find(datatype) is null
            ? $"asana has no datatype '{datatype}'"
            : $"asana cannot {operation} a {datatype} (see the datatype's capabilities)");
}
