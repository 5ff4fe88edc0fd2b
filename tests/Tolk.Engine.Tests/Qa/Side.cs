using System.Text.Json.Nodes;
using Tolk.Hub.Store;

namespace Tolk.Engine.Tests.Qa;

/// <summary>One side of a flow: a dataset (and role), and the emulator collection where a person sees its records.</summary>
/// <param name="System">The system.</param>
/// <param name="Datatype">The datatype as the connector names it.</param>
/// <param name="Collection">The emulator admin channel's collection.</param>
/// <param name="IdField">The field holding the record's id.</param>
/// <param name="Role">The membership role ("" for the primary mapping).</param>
public sealed record Side(string System, string Datatype, string Collection, string IdField, string Role = "")
{
    /// <summary>The hub dataset.</summary>
    public Dataset Dataset => new(System, Datatype);

    /// <summary>The membership of one record.</summary>
    public MemberKey Member(string id) => new(Dataset, id, Role);

    /// <summary>The id of a record as the admin channel shows it.</summary>
    public string IdOf(JsonObject record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record[IdField] is JsonValue value ? value.ToString() : throw new InvalidOperationException($"{this}: the record has no {IdField}: {record.ToJsonString()}");
    }

    /// <inheritdoc />
    public override string ToString() => Role.Length == 0 ? $"{System}.{Datatype}" : $"{System}.{Datatype}:{Role}";
}

/// <summary>The sides the 20 flows use.</summary>
public static class Sides
{
    /// <summary>Asana workspaces.</summary>
    public static readonly Side AsanaWorkspace = new("asana", "workspace", "workspaces", "gid");

    /// <summary>Asana teams.</summary>
    public static readonly Side AsanaTeam = new("asana", "team", "teams", "gid");

    /// <summary>Asana projects.</summary>
    public static readonly Side AsanaProject = new("asana", "project", "projects", "gid");

    /// <summary>Asana users.</summary>
    public static readonly Side AsanaUser = new("asana", "user", "users", "gid");

    /// <summary>Asana tasks.</summary>
    public static readonly Side AsanaTask = new("asana", "task", "tasks", "gid");

    /// <summary>Asana tasks in their project role (flow 5).</summary>
    public static readonly Side AsanaTaskAsProject = new("asana", "task", "tasks", "gid", "project");

    /// <summary>Customerp customers.</summary>
    public static readonly Side CustomerpCustomer = new("customerp", "customer", "customers", "id");

    /// <summary>Customerp contacts.</summary>
    public static readonly Side CustomerpContact = new("customerp", "contact", "contacts", "id");

    /// <summary>Customerp employees.</summary>
    public static readonly Side CustomerpEmployee = new("customerp", "employee", "employees", "id");

    /// <summary>Customerp projects.</summary>
    public static readonly Side CustomerpProject = new("customerp", "project", "projects", "id");

    /// <summary>Customerp products.</summary>
    public static readonly Side CustomerpProduct = new("customerp", "product", "products", "id");

    /// <summary>Custompms customers.</summary>
    public static readonly Side CustompmsCustomer = new("custompms", "customer", "customers", "id");

    /// <summary>Custompms projects.</summary>
    public static readonly Side CustompmsProject = new("custompms", "project", "projects", "id");

    /// <summary>Custompms tasks.</summary>
    public static readonly Side CustompmsTask = new("custompms", "task", "tasks", "id");

    /// <summary>Trello members.</summary>
    public static readonly Side TrelloMember = new("trello", "member", "members", "id");

    /// <summary>Trello workspaces.</summary>
    public static readonly Side TrelloOrganization = new("trello", "organization", "organizations", "id");

    /// <summary>Trello comments in their project role (flow 12).</summary>
    public static readonly Side TrelloActionAsProject = new("trello", "action", "actions", "id", "project");

    /// <summary>Crmoffice contacts.</summary>
    public static readonly Side CrmofficeContact = new("crmoffice", "contact", "contacts", "id");

    /// <summary>Crmoffice companies in their product role (flow 15).</summary>
    public static readonly Side CrmofficeCompanyAsProduct = new("crmoffice", "company", "companies", "id", "product");

    /// <summary>Crmoffice companies (organizations, for references).</summary>
    public static readonly Side CrmofficeCompany = new("crmoffice", "company", "companies", "id");

    /// <summary>Crmoffice activities in their project role (flow 16).</summary>
    public static readonly Side CrmofficeActivityAsProject = new("crmoffice", "activity", "activities", "id", "project");

    /// <summary>Crmoffice users (read-only; referenced by activities).</summary>
    public static readonly Side CrmofficeUser = new("crmoffice", "user", "users", "id");

    /// <summary>Tidsbanken customers.</summary>
    public static readonly Side TidsbankenKunde = new("tidsbanken", "kunde", "Kunde", "Id");

    /// <summary>Tidsbanken employees.</summary>
    public static readonly Side TidsbankenAnsatt = new("tidsbanken", "ansatt", "Ansatt", "Id");

    /// <summary>Tidsbanken projects.</summary>
    public static readonly Side TidsbankenProsjekt = new("tidsbanken", "prosjekt", "Prosjekt", "Id");
}
