using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Customerp.Emulator;

/// <summary>
/// A person's edits through the admin channel go through the same validation, versioning, indexes and webhooks as API
/// writes, with <see cref="ChangeOrigin.Person"/>: Customerp's UI writes through the same service as its API.
/// </summary>
public sealed partial class CustomerpEmulator
{
    /// <inheritdoc />
    public override (JsonObject? Record, string? Error) PersonCreate(string collection, JsonObject fields)
    {
        if (Find(collection) is not { } c)
        {
            return (null, NoPersonEdits(collection));
        }
        var outcome = Create(c.Schema, JsonSerializer.SerializeToElement(fields), ChangeOrigin.Person);
        return (outcome.Record, outcome.Problem?.ToString());
    }

    /// <inheritdoc />
    public override (JsonObject? Record, string? Error) PersonUpdate(string collection, string id, JsonObject patch)
    {
        if (Find(collection) is not { } c)
        {
            return (null, NoPersonEdits(collection));
        }
        if (ParseId(id) is not { } n)
        {
            return (null, $"no {collection} record with id '{id}'");
        }
        var body = JsonSerializer.SerializeToElement(patch);
        var outcome = Update(c.Schema, n, () => (body, null), null, ChangeOrigin.Person);
        return (outcome.Record, outcome.Problem?.ToString());
    }

    /// <inheritdoc />
    public override string? PersonDelete(string collection, string id)
    {
        if (collection == "webhooks")
        {
            return ParseId(id) is { } hook && RemoveWebhook(hook) ? null : $"no webhooks record with id '{id}'";
        }
        if (Find(collection) is not { } c)
        {
            return NoPersonEdits(collection);
        }
        return ParseId(id) is { } n ? Delete(c.Schema, n, null, ChangeOrigin.Person).Problem?.ToString() : $"no {collection} record with id '{id}'";
    }

    private static string NoPersonEdits(string collection) =>
        $"customerp has no collection '{collection}' a person can edit (customers, contacts, employees, projects, products)";
}
