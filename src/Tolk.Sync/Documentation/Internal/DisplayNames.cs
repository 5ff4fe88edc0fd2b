using Tolk.Sync.Configuration;

namespace Tolk.Sync.Documentation.Internal;

/// <summary>
/// The names the documents give systems and datatypes. They are the seed documents' names, so that a generated
/// document reads like the QA checklist it replaces: Asana, Trello and Crmoffice datatypes go by their API's collection
/// name (Teams, Members, Companies); Customerp, Custompms and Tidsbanken ones by the singular (Customer, Kunde).
/// </summary>
internal static class DisplayNames
{
    private static readonly Dictionary<(string System, string Datatype), string> Collections = new()
    {
        [("asana", "team")] = "Teams",
        [("asana", "workspace")] = "Workspaces",
        [("asana", "project")] = "Projects",
        [("asana", "user")] = "Users",
        [("asana", "task")] = "Tasks",
        [("trello", "member")] = "Members",
        [("trello", "organization")] = "Organizations",
        [("trello", "action")] = "Actions",
        [("crmoffice", "contact")] = "Contacts",
        [("crmoffice", "company")] = "Companies",
        [("crmoffice", "activity")] = "Activities",
        [("crmoffice", "user")] = "Users",
    };

    /// <summary>The system's name as a heading writes it: <c>asana</c> is Asana.</summary>
    public static string System(string system) => Capitalize(system);

    /// <summary>The datatype's name without the system: Teams, Customer, Kunde.</summary>
    public static string Datatype(DatatypeMapping mapping) =>
        Collections.GetValueOrDefault((mapping.System, mapping.Datatype)) ?? Capitalize(mapping.Datatype);

    /// <summary>The system and datatype, as the seeds' headings and sentences name them: Asana Teams.</summary>
    public static string Of(DatatypeMapping mapping) => $"{System(mapping.System)} {Datatype(mapping)}";

    private static string Capitalize(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
