using System.Text.Json.Nodes;
using Tolk.Tidsbanken.Emulator.Internal;
using Tolk.Tidsbanken.Emulator.Internal.OData;
using A = Tolk.Tidsbanken.Emulator.TidsbankenAssumptions;

namespace Tolk.Tidsbanken.Emulator;

/// <summary>Prosjekt (project): <c>prosjekt/Prosjekt</c>, keyed by the project number, a server-assigned PostId, no delete.</summary>
public sealed partial class TidsbankenEmulator
{
    internal static readonly EntitySchema ProsjektSchema = new("prosjekt", "Prosjekt", "Prosjekt",
    [
        FieldSpec.Text("Id", A.KeyLength, required: true),
        new FieldSpec("PostId", EdmKind.Int32, ServerManaged: true),
        FieldSpec.Text("Navn", A.NameLength, required: true),
        FieldSpec.Text("Notat", A.NoteLength),
        FieldSpec.Text("KundeId", A.KeyLength),
        FieldSpec.Int("AnsvarligId", min: 1),
        FieldSpec.Date("StartDato"),
        FieldSpec.Date("FerdigDato"),
        FieldSpec.Bool("Avsluttet", false),
        FieldSpec.Date("AvsluttetDato"),
        FieldSpec.Int("FerdigGrad", 0, 100) with { Default = 0 },
        FieldSpec.Text("EksternId", A.KeyLength),
        FieldSpec.Stamp(EntityService.Modified),
        FieldSpec.Stamp(EntityService.Created),
    ], skewedModificationTime: true);

    private int _lastPostId;

    private EntityService CreateProsjekt() => Register(new EntityService(ProsjektSchema,
        Database.Add(ProsjektSchema.TypeName, StringComparer.OrdinalIgnoreCase), _writes)
    {
        CheckReferences = ProsjektReferences,
        // Runs under the write gate, so the counter needs no lock of its own.
        OnCreate = p => p["PostId"] = ++_lastPostId,
        NoDeleteHint = "Tidsbanken has no delete for Prosjekt: set Avsluttet=true instead.",
    });

    private string? ProsjektReferences(JsonObject prosjekt)
    {
        if (prosjekt["KundeId"] is JsonValue kunde && !Kunder.Table.Contains(kunde.GetValue<string>()))
        {
            return $"KundeId '{kunde.GetValue<string>()}' does not refer to an existing Kunde.";
        }
        if (prosjekt["AnsvarligId"] is JsonValue ansvarlig && !Ansatte.Table.Contains(EntityReader.KeyText(ansvarlig)))
        {
            return $"AnsvarligId {EntityReader.KeyText(ansvarlig)} does not refer to an existing Ansatt.";
        }
        return null;
    }
}
