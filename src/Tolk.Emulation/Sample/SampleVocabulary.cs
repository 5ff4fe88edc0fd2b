namespace Tolk.Emulation.Sample;

/// <summary>The words the sample world is made of: Norwegian and English names, places and business terms.</summary>
internal static class SampleVocabulary
{
    public static readonly string[] FirstNames =
    [
        "Ola", "Kari", "Nora", "Emma", "Jakob", "Lars", "Ingrid", "Sofie", "Henrik", "Marte", "Sindre", "Ida", "Magnus",
        "Thea", "Aksel", "Eirik", "Hanne", "Silje", "Bjørn", "Åse", "Ståle", "Øystein", "Solveig", "Tuva", "Vetle",
        "Oliver", "Amelia", "George", "Isla", "Harry", "Emily", "Jack", "Grace", "Charlotte", "Thomas", "Lucy", "James",
    ];

    public static readonly string[] LastNames =
    [
        "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen",
        "Berg", "Haugen", "Bakken", "Dahl", "Lie", "Strand", "Solberg", "Ødegård", "Sæther", "Løken", "Moen", "Eide",
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Walker", "Wright", "Hughes",
    ];

    public static readonly string[] CompanyStems =
    [
        "Fjord", "Nordlys", "Vestland", "Polar", "Granitt", "Bølge", "Havbris", "Fjellvann", "Midnattsol", "Skog",
        "Kyst", "Tinde", "Elvekraft", "Brygge", "Isbre", "Lyngen", "Hardanger", "Sognefjord", "Saga", "Viking",
        "Harbour", "Northwind", "Bluestone", "Oakridge", "Silverline", "Redcliff", "Greenfield", "Kingsbridge",
    ];

    public static readonly string[] CompanyTrades =
    [
        "Bygg", "Consulting", "Marine", "Energi", "Regnskap", "Transport", "Eiendom", "Data", "Design", "Logistikk",
        "Engineering", "Solutions", "Analytics", "Systems", "Media", "Foods",
    ];

    public static readonly (string City, string PostalCode, string Street)[] Places =
    [
        ("Oslo", "0150", "Karl Johans gate"), ("Bergen", "5003", "Bryggen"), ("Trondheim", "7010", "Munkegata"),
        ("Stavanger", "4006", "Kirkegata"), ("Tromsø", "9008", "Storgata"), ("Kristiansand", "4610", "Markens gate"),
        ("Drammen", "3015", "Bragernes torg"), ("Bodø", "8006", "Sjøgata"), ("Ålesund", "6004", "Kongens gate"),
        ("Fredrikstad", "1606", "Nygaardsgata"), ("Hamar", "2317", "Torggata"), ("Lillehammer", "2609", "Storgata"),
    ];

    public static readonly string[] Titles =
    [
        "Daglig leder", "Prosjektleder", "Utvikler", "Rådgiver", "Økonomisjef", "Salgssjef", "Konsulent",
        "Project Manager", "Developer", "Account Manager", "Designer", "Controller",
    ];

    public static readonly string[] ProjectWords =
    [
        "Migrering", "Nytt nettsted", "ERP-innføring", "Skyflytting", "Lageroptimalisering", "Kundeportal",
        "Data Platform", "Mobile App", "Brand Refresh", "Security Audit", "Integrasjon", "Rapportering",
    ];

    public static readonly string[] TaskVerbs =
    [
        "Kartlegg", "Design", "Implementer", "Test", "Dokumenter", "Review", "Plan", "Deploy", "Avklar", "Estimate",
    ];

    public static readonly string[] TaskObjects =
    [
        "datamodell", "API-integrasjon", "brukergrensesnitt", "rapporter", "tilgangsstyring", "migration scripts",
        "onboarding flow", "invoice export", "search index", "backup routine", "akseptansetest", "release notes",
    ];

    public static readonly string[] ProductKinds =
    [
        "Lisens", "Support", "Kurs", "Konsulenttime", "Licence", "Hosting", "Training", "Hardware kit", "Sensor", "Workshop",
    ];

    public static readonly string[] ProductTiers = ["Basis", "Standard", "Pro", "Enterprise", "Plus", "Lite"];
}
