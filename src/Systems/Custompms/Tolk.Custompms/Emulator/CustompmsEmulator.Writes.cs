using System.Text.Json.Nodes;
using Tolk.Custompms.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    // The three writes below are shared by the API and by a person's edits through the admin channel, so both obey
    // the same rules and move modifiedAt and the change log alike. Callers hold _sync.

    private (JsonObject? Record, ApiError? Error) Create(Collection c, JsonObject body, ChangeOrigin origin)
    {
        if (body.ContainsKey("id"))
        {
            return (null, ApiError.Validation("id", "id is assigned by the server; leave it out."));
        }
        var (fields, error) = RecordValidator.Read(c.Schema, body);
        if (fields is null)
        {
            return (null, error);
        }
        error = CheckReferences(c.Schema, fields) ?? CheckKey(c, fields, selfId: null);
        if (error is not null)
        {
            return (null, error);
        }
        if (c.Schema == Projects && fields["key"] is null)
        {
            fields["key"] = NextKey(c);
        }
        var id = RecordIds.Make(_idSeed, c.Schema.Name, c.Issued++);
        var now = Now();
        var record = Build(id, fields, now);
        c.Table.Put(id, record, origin);
        return (record, null);
    }

    private (JsonObject? Record, ApiError? Error) Replace(Collection c, string id, JsonObject body, ChangeOrigin origin)
    {
        if (c.Table.Get(id) is not { } current)
        {
            return (null, NotFound(c, id));
        }
        if (body["id"] is { } given && (given.GetValueKind() != System.Text.Json.JsonValueKind.String || given.GetValue<string>() != id))
        {
            return (null, ApiError.Validation("id", $"id in the body must be the id in the path, '{id}', or be left out."));
        }
        var (fields, error) = RecordValidator.Read(c.Schema, body);
        if (fields is null)
        {
            return (null, error);
        }
        if (c.Schema == Projects && fields["key"] is null)
        {
            fields["key"] = current["key"]?.DeepClone();
        }
        error = CheckReferences(c.Schema, fields) ?? CheckKey(c, fields, id);
        if (error is not null)
        {
            return (null, error);
        }
        var record = Build(id, fields, Rfc3339.Parse(current["createdAt"]!.GetValue<string>()));
        Touch(c.Schema.Name, record, Now());
        c.Table.Put(id, record, origin);
        return (record, null);
    }

    private ApiError? Delete(Collection c, string id, ChangeOrigin origin)
    {
        if (!c.Table.Contains(id))
        {
            return NotFound(c, id);
        }
        if (Referrers(c, id) is { } referrers)
        {
            return ApiError.Clash(null, $"The {c.Schema.Singular} '{id}' is still referenced by {referrers}; delete or move them first.");
        }
        c.Table.Remove(id, origin);
        return null;
    }

    /// <inheritdoc />
    protected override void Touch(string collection, JsonObject record, DateTimeOffset now) =>
        record["modifiedAt"] = Rfc3339.Format(now);

    /// <summary>A record in the API's shape and field order: id, the writable fields, createdAt, modifiedAt.</summary>
    private static JsonObject Build(string id, JsonObject fields, DateTimeOffset createdAt)
    {
        var record = new JsonObject { ["id"] = id };
        foreach (var (name, value) in fields)
        {
            record[name] = value?.DeepClone();
        }
        record["createdAt"] = Rfc3339.Format(createdAt);
        record["modifiedAt"] = Rfc3339.Format(createdAt);
        return record;
    }

    private static ApiError NotFound(Collection c, string id) => ApiError.Missing($"{c.Schema.Singular} with id '{id}'");
}
