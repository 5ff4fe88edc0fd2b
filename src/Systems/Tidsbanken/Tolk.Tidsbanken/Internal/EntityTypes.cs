using static Tolk.Tidsbanken.Internal.FieldKind;

namespace Tolk.Tidsbanken.Internal;

/// <summary>The three types the dataflows use, with the fields and routes of the spec (docs: spec/systems/tidsbanken.md).</summary>
internal static class EntityTypes
{
    public static readonly EntityType Kunde = new("kunde", "prosjekt/Kunde", "prosjekt/Kunde", "prosjekt/Kunde",
        IntegerKey: false, KeyedGet: true, Skewed: true, RemoveMode.Delete, Fields(
            ("Id", Text), ("Navn", Text), ("Organisasjonsnummer", Text), ("Epost", Text), ("Telefon", Text), ("Mobil", Text),
            ("Url", Text), ("Postadresse", Text), ("Postnr", Text), ("Poststed", Text), ("Gateadresse", Text),
            ("Leveringsadresse", Text), ("Leveringsadresse2", Text), ("LevPostNr", Text), ("LevPoststed", Text),
            (EntityType.Modified, Timestamp), (EntityType.Created, Timestamp)));

    // Personnummer is one of Tidsbanken's merge keys but not in the public field list; it is a national identity
    // number the flows do not need, so it is not asked for.
    public static readonly EntityType Ansatt = new("ansatt", "ansatt/ansatt", "ansatt/Ansatte", "ansatt/ansatt",
        IntegerKey: true, KeyedGet: false, Skewed: false, RemoveMode.Deactivate, Fields(
            ("Id", Integer), ("Fornavn", Text), ("Etternavn", Text), ("Epost", Text), ("Mobil", Text), ("TlfPrivat", Text),
            ("Adresse", Text), ("Postnummer", Text), ("Poststed", Text), ("Tittel", Text), ("AnsattDato", Date),
            ("Sluttet", Flag), ("SluttetDato", Date), ("Aktiv", Flag), ("AvdelingId", Text), ("Stillingsprosent", Integer),
            ("Notat", Text), (EntityType.Modified, Timestamp), (EntityType.Created, Timestamp)));

    public static readonly EntityType Prosjekt = new("prosjekt", "prosjekt/Prosjekt", "prosjekt/Prosjekt", "prosjekt/Prosjekt",
        IntegerKey: false, KeyedGet: false, Skewed: true, RemoveMode.Close, Fields(
            ("Id", Text), ("PostId", Integer), ("Navn", Text), ("Notat", Text), ("KundeId", Text), ("AnsvarligId", Integer),
            ("StartDato", Date), ("FerdigDato", Date), ("Avsluttet", Flag), ("AvsluttetDato", Date), ("FerdigGrad", Integer),
            ("EksternId", Text), (EntityType.Modified, Timestamp), (EntityType.Created, Timestamp)));

    public static readonly IReadOnlyList<EntityType> All = [Kunde, Ansatt, Prosjekt];

    /// <summary>The type by its lower-case datatype name, or null.</summary>
    public static EntityType? Find(string datatype) =>
        All.FirstOrDefault(t => string.Equals(t.Name, datatype, StringComparison.OrdinalIgnoreCase));

    private static FieldInfo[] Fields(params (string Name, FieldKind Kind)[] fields) =>
        fields.Select(f => new FieldInfo(f.Name, f.Kind)).ToArray();
}
