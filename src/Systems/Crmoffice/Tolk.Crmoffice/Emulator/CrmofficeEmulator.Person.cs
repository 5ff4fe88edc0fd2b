using System.Text.Json.Nodes;
using Tolk.Crmoffice.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Crmoffice.Emulator;

public sealed partial class CrmofficeEmulator
{
    // A person in Crmoffice's UI is held to the same rules as the API (required fields, enums, unique orgNr,
    // references), and their edits move updatedAt and fire webhooks just the same. Users can be managed in the UI
    // although the API cannot write them; webhook registrations exist only through the API.

    /// <inheritdoc />
    public override (JsonObject? Record, string? Error) PersonCreate(string collection, JsonObject fields) =>
        Schema(collection) is { } schema ? Describe(_records.Create(schema, fields, ChangeOrigin.Person)) : (null, NoCollection(collection));

    /// <inheritdoc />
    public override (JsonObject? Record, string? Error) PersonUpdate(string collection, string id, JsonObject patch) =>
        Schema(collection) is { } schema ? Describe(_records.Update(schema, id, patch, ChangeOrigin.Person)) : (null, NoCollection(collection));

    /// <inheritdoc />
    public override string? PersonDelete(string collection, string id) =>
        Schema(collection) is { } schema ? Describe(_records.Delete(schema, id, ChangeOrigin.Person)) : NoCollection(collection);

    /// <inheritdoc />
    protected override void Touch(string collection, JsonObject record, DateTimeOffset now) => record["updatedAt"] = CrmTime.Format(now);

    private static CollectionSchema? Schema(string collection) => CrmSchemas.Find(collection);

    private static string NoCollection(string collection) => collection == WebhooksCollection
        ? "webhook registrations are made through the API (POST /webhooks), not by a person"
        : $"crmoffice has no collection '{collection}'";

    private static (JsonObject?, string?) Describe(Outcome outcome) => (outcome.Record, Describe(outcome.Error));

    private static string? Describe(CrmError? error) => error is null
        ? null
        : $"{error.Status} {error.Error}: {error.Message}" + string.Concat(error.Details.Select(d => $" {d.Field}: {d.Message};"));
}
