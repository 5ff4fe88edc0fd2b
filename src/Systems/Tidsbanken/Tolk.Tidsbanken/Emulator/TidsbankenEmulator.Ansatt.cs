using Tolk.Tidsbanken.Emulator.Internal;
using A = Tolk.Tidsbanken.Emulator.TidsbankenAssumptions;

namespace Tolk.Tidsbanken.Emulator;

/// <summary>Ansatt (employee): read and updated at <c>ansatt/ansatt</c>, inserted at <c>ansatt/Ansatte</c>, integer keys, no delete.</summary>
public sealed partial class TidsbankenEmulator
{
    internal static readonly EntitySchema AnsattSchema = new("ansatt", "ansatt", "Ansatt",
    [
        FieldSpec.Int("Id", min: 1, required: true),
        FieldSpec.Text("Fornavn", A.NameLength, required: true),
        FieldSpec.Text("Etternavn", A.NameLength, required: true),
        FieldSpec.Text("Epost", A.TextLength),
        FieldSpec.Text("Mobil", A.ShortLength),
        FieldSpec.Text("TlfPrivat", A.ShortLength),
        FieldSpec.Text("Adresse", A.TextLength),
        FieldSpec.Text("Postnummer", A.ShortLength),
        FieldSpec.Text("Poststed", A.NameLength),
        FieldSpec.Text("Tittel", A.NameLength),
        FieldSpec.Date("AnsattDato"),
        FieldSpec.Bool("Sluttet", false),
        FieldSpec.Date("SluttetDato"),
        FieldSpec.Bool("Aktiv", true),
        FieldSpec.Text("AvdelingId", A.KeyLength),
        FieldSpec.Int("Stillingsprosent", 0, 100),
        // Not in the public field list, but named as one of Tidsbanken's merge keys, so it must exist (assumed: 11 characters).
        FieldSpec.Text("Personnummer", 11),
        FieldSpec.Text("Notat", A.NoteLength),
        FieldSpec.Stamp(EntityService.Modified),
        FieldSpec.Stamp(EntityService.Created),
    ], skewedModificationTime: false);

    private EntityService CreateAnsatt() => Register(new EntityService(AnsattSchema, Database.Add(AnsattSchema.TypeName), _writes)
    {
        UniqueFields = ["Epost", "Personnummer"],
        NoDeleteHint = "Tidsbanken has no delete for Ansatt: set Sluttet=true or Aktiv=false instead.",
    });
}
