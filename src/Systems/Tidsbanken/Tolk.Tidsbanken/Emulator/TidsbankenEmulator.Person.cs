using System.Globalization;
using System.Text.Json.Nodes;
using Tolk.Emulation.Data;
using Tolk.Tidsbanken.Emulator.Internal;
using Tolk.Tidsbanken.Emulator.Internal.OData;

namespace Tolk.Tidsbanken.Emulator;

/// <summary>
/// A person's edits in Tidsbanken's UI, simulated through <c>/_emulator/records</c>: the same validation and rules as the
/// API, and the same effect (SistEndretDato moves, so the edit shows up to a client polling for changes).
/// </summary>
public sealed partial class TidsbankenEmulator
{
    /// <inheritdoc />
    public override (JsonObject? Record, string? Error) PersonCreate(string collection, JsonObject fields)
    {
        if (!_services.TryGetValue(collection, out var service))
        {
            return (null, NoCollection(collection));
        }
        var (stored, error) = service.Insert([fields], ChangeOrigin.Person);
        return error is not null ? (null, error.Message) : (service.Table.Get(EntityReader.KeyText(stored![0][service.Schema.Key.Name]!)), null);
    }

    /// <inheritdoc />
    public override (JsonObject? Record, string? Error) PersonUpdate(string collection, string id, JsonObject patch)
    {
        if (!_services.TryGetValue(collection, out var service))
        {
            return (null, NoCollection(collection));
        }
        var edit = (JsonObject)patch.DeepClone();
        edit.Remove(service.Schema.Key.Name);
        if (service.Schema.Key.Kind == EdmKind.Int32)
        {
            if (!int.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return (null, $"no {collection} record with id '{id}'");
            }
            edit[service.Schema.Key.Name] = number;
            id = number.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            edit[service.Schema.Key.Name] = id;
        }
        var (_, error) = service.Update([edit], ChangeOrigin.Person);
        return error is not null ? (null, error.Message) : (service.Table.Get(id), null);
    }

    /// <inheritdoc />
    public override string? PersonDelete(string collection, string id)
    {
        if (!_services.TryGetValue(collection, out var service))
        {
            return NoCollection(collection);
        }
        if (service.DeleteGuard is null)
        {
            return service.NoDeleteHint;
        }
        return service.Delete(id, ChangeOrigin.Person)?.Message;
    }

    /// <inheritdoc />
    protected override void Touch(string collection, JsonObject record, DateTimeOffset now) =>
        EntityService.Stamp(record, now, created: false);

    private static string NoCollection(string collection) => $"no collection '{collection}' (tidsbanken has Kunde, Ansatt, Prosjekt)";
}
