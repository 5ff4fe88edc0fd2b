using Tolk.Connectors;

namespace Tolk.Crmoffice.Internal;

/// <summary>The JSON shape a field must have for a record to be read as valid.</summary>
internal enum FieldShape
{
    Text,
    Boolean,
    DateTime,
    Reference,
    Address,
}

/// <summary>One Crmoffice collection as the connector serves it: datatype name, path, id prefix, fields and capabilities.</summary>
internal sealed record CrmDatatype(string Name, string Collection, string IdPrefix, Capabilities Capabilities,
    IReadOnlyDictionary<string, FieldShape> Fields)
{
    public DatatypeInfo Info => new(Name, Capabilities, Capabilities.HasFlag(Capabilities.Webhooks)
        ? "updatedAfter with an overlap window; deletes from *.deleted webhooks confirmed by a 404"
        : "updatedAfter with an overlap window (read-only, no webhooks: a deleted user is not noticed)");
}

/// <summary>The four collections the dataflows use (spec/systems/crmoffice.md; users only for matching owners by email).</summary>
internal static class CrmofficeDatatypes
{
    private const Capabilities Writable = Capabilities.Create | Capabilities.Update | Capabilities.Delete | Capabilities.Webhooks;

    public static readonly CrmDatatype Company = new("company", "companies", "CO", Writable, new Dictionary<string, FieldShape>
    {
        ["name"] = FieldShape.Text, ["orgNr"] = FieldShape.Text, ["email"] = FieldShape.Text, ["phone"] = FieldShape.Text,
        ["website"] = FieldShape.Text, ["address"] = FieldShape.Address, ["description"] = FieldShape.Text,
        ["category"] = FieldShape.Text, ["isActive"] = FieldShape.Boolean,
    });

    public static readonly CrmDatatype Contact = new("contact", "contacts", "CT", Writable, new Dictionary<string, FieldShape>
    {
        ["companyId"] = FieldShape.Reference, ["givenName"] = FieldShape.Text, ["familyName"] = FieldShape.Text,
        ["email"] = FieldShape.Text, ["phone"] = FieldShape.Text, ["mobilePhone"] = FieldShape.Text,
        ["title"] = FieldShape.Text, ["isActive"] = FieldShape.Boolean,
    });

    public static readonly CrmDatatype Activity = new("activity", "activities", "AC", Writable, new Dictionary<string, FieldShape>
    {
        ["type"] = FieldShape.Text, ["subject"] = FieldShape.Text, ["description"] = FieldShape.Text,
        ["startsAt"] = FieldShape.DateTime, ["endsAt"] = FieldShape.DateTime, ["completed"] = FieldShape.Boolean,
        ["ownerId"] = FieldShape.Reference, ["companyId"] = FieldShape.Reference, ["contactId"] = FieldShape.Reference,
    });

    public static readonly CrmDatatype User = new("user", "users", "US", Capabilities.None, new Dictionary<string, FieldShape>
    {
        ["name"] = FieldShape.Text, ["email"] = FieldShape.Text,
    });

    public static readonly IReadOnlyList<CrmDatatype> All = [Company, Contact, Activity, User];

    public static CrmDatatype? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    public static CrmDatatype? ForCollection(string collection) => All.FirstOrDefault(d => d.Collection == collection);
}
