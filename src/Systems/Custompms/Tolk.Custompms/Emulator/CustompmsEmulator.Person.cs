using System.Text.Json.Nodes;
using Tolk.Custompms.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    // A person's edit in Custompms's UI goes through the same rules as the API (the UI would refuse what the API
    // refuses) and moves modifiedAt and the change log alike; only the origin differs.

    /// <inheritdoc />
    public override (JsonObject? Record, string? Error) PersonCreate(string collection, JsonObject fields)
    {
        if (Find(collection) is not { } c)
        {
            return (null, NoCollection(collection));
        }
        if (Undecodable(fields) is { } bad)
        {
            return (null, bad);
        }
        lock (_sync)
        {
            var (record, error) = Create(c, fields, ChangeOrigin.Person);
            return (record, Describe(error));
        }
    }

    /// <inheritdoc />
    /// <remarks>The patch names the fields the person changed; the others keep their values.</remarks>
    public override (JsonObject? Record, string? Error) PersonUpdate(string collection, string id, JsonObject patch)
    {
        if (Find(collection) is not { } c)
        {
            return (null, NoCollection(collection));
        }
        if (Undecodable(patch) is { } bad)
        {
            return (null, bad);
        }
        if (patch.Select(p => p.Key).FirstOrDefault(CollectionSchema.ReadOnly.Contains) is { } readOnly)
        {
            return (null, $"{readOnly}: is set by Custompms and cannot be edited");
        }
        lock (_sync)
        {
            if (c.Table.Get(id) is not { } current)
            {
                return (null, Describe(NotFound(c, id)));
            }
            var merged = new JsonObject();
            foreach (var rule in c.Schema.Fields)
            {
                merged[rule.Name] = (patch.ContainsKey(rule.Name) ? patch[rule.Name] : current[rule.Name])?.DeepClone();
            }
            foreach (var (name, value) in patch.Where(p => c.Schema.Field(p.Key) is null))
            {
                merged[name] = value?.DeepClone();
            }
            var (record, error) = Replace(c, id, merged, ChangeOrigin.Person);
            return (record, Describe(error));
        }
    }

    /// <inheritdoc />
    public override string? PersonDelete(string collection, string id)
    {
        if (Find(collection) is not { } c)
        {
            return NoCollection(collection);
        }
        lock (_sync)
        {
            return Describe(Delete(c, id, ChangeOrigin.Person));
        }
    }

    private static string? Undecodable(JsonObject fields)
    {
        try
        {
            RequestBody.Decode(fields);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return $"the fields hold text that is not valid Unicode: {e.Message}";
        }
    }

    private static string? Describe(ApiError? error) =>
        error is null ? null : error.Field is null ? error.Message : $"{error.Field}: {error.Message}";

    private static string NoCollection(string collection) =>
        $"custompms has no collection '{collection}'; it has customers, projects and tasks";
}
