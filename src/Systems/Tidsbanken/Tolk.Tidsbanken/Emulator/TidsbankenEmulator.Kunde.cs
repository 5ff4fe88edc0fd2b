using Tolk.Tidsbanken.Emulator.Internal;
using A = Tolk.Tidsbanken.Emulator.TidsbankenAssumptions;

namespace Tolk.Tidsbanken.Emulator;

/// <summary>Kunde (customer): <c>prosjekt/Kunde</c>, string keys, the only type with a delete (assumed).</summary>
public sealed partial class TidsbankenEmulator
{
    internal static readonly EntitySchema KundeSchema = new("prosjekt", "Kunde", "Kunde",
    [
        FieldSpec.Text("Id", A.KeyLength, required: true),
        FieldSpec.Text("Navn", A.NameLength, required: true),
        FieldSpec.Text("Organisasjonsnummer", A.ShortLength),
        FieldSpec.Text("Epost", A.TextLength),
        FieldSpec.Text("Telefon", A.ShortLength),
        FieldSpec.Text("Mobil", A.ShortLength),
        FieldSpec.Text("Url", A.TextLength),
        FieldSpec.Text("Postadresse", A.TextLength),
        FieldSpec.Text("Postnr", A.ShortLength),
        FieldSpec.Text("Poststed", A.NameLength),
        FieldSpec.Text("Gateadresse", A.TextLength),
        FieldSpec.Text("Leveringsadresse", A.TextLength),
        FieldSpec.Text("Leveringsadresse2", A.TextLength),
        FieldSpec.Text("LevPostNr", A.ShortLength),
        FieldSpec.Text("LevPoststed", A.NameLength),
        FieldSpec.Stamp(EntityService.Modified),
        FieldSpec.Stamp(EntityService.Created),
    ], skewedModificationTime: true);

    private EntityService CreateKunde() => Register(new EntityService(KundeSchema,
        Database.Add(KundeSchema.TypeName, StringComparer.OrdinalIgnoreCase), _writes)
    {
        UniqueFields = ["Epost", "Organisasjonsnummer"],
        DeleteGuard = KundeInUse,
    });

    // A Prosjekt's KundeId is a foreign key: the customer of a project cannot go while the project stays (assumed).
    private ApiError? KundeInUse(string id) =>
        Prosjekter.Table.Where(p => string.Equals((string?)p["KundeId"], id, StringComparison.OrdinalIgnoreCase)) is [var p, ..]
            ? ApiError.Conflict($"The Kunde '{id}' is used by Prosjekt '{(string?)p["Id"]}' and cannot be deleted.")
            : null;
}
