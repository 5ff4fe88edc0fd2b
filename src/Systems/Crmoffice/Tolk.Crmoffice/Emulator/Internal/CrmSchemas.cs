using System.Text.Json.Nodes;
using static Tolk.Crmoffice.Emulator.CrmofficeAssumptions;

namespace Tolk.Crmoffice.Emulator.Internal;

/// <summary>The spec's collections and fields (names, required fields and enum values are the spec's; lengths are assumed).</summary>
internal static class CrmSchemas
{
    public static readonly string[] Categories = ["customer", "prospect", "partner", "supplier", "product"];
    public static readonly string[] ActivityTypes = ["meeting", "call", "task", "note", "project"];
    public static readonly string[] AddressFields = ["street", "postalCode", "city", "country"];
    public static readonly string[] ReadOnlyFields = ["id", "createdAt", "updatedAt"];

    public static readonly CollectionSchema Companies = new("companies", "company", "CO",
    [
        new("name", FieldKind.Text, Required: true),
        new("orgNr", FieldKind.OrgNr),
        new("email", FieldKind.Email, MaxLength: MaxEmailLength),
        new("phone", FieldKind.Text, MaxLength: MaxPhoneLength),
        new("website", FieldKind.Text, MaxLength: MaxUrlLength),
        new("address", FieldKind.Address),
        new("description", FieldKind.Text, MaxLength: MaxDescriptionLength),
        new("category", FieldKind.Enum, Values: Categories),
        new("isActive", FieldKind.Boolean, Default: true),
    ]);

    public static readonly CollectionSchema Contacts = new("contacts", "contact", "CT",
    [
        new("companyId", FieldKind.Reference, Target: "companies"),
        new("givenName", FieldKind.Text, Required: true),
        new("familyName", FieldKind.Text, Required: true),
        new("email", FieldKind.Email, MaxLength: MaxEmailLength),
        new("phone", FieldKind.Text, MaxLength: MaxPhoneLength),
        new("mobilePhone", FieldKind.Text, MaxLength: MaxPhoneLength),
        new("title", FieldKind.Text),
        new("isActive", FieldKind.Boolean, Default: true),
    ]);

    public static readonly CollectionSchema Activities = new("activities", "activity", "AC",
    [
        new("type", FieldKind.Enum, Required: true, Values: ActivityTypes),
        new("subject", FieldKind.Text, Required: true),
        new("description", FieldKind.Text, MaxLength: MaxDescriptionLength),
        new("startsAt", FieldKind.DateTime),
        new("endsAt", FieldKind.DateTime),
        new("completed", FieldKind.Boolean, Default: false),
        new("ownerId", FieldKind.Reference, Target: "users"),
        new("companyId", FieldKind.Reference, Target: "companies"),
        new("contactId", FieldKind.Reference, Target: "contacts"),
    ]);

    public static readonly CollectionSchema Users = new("users", "user", "US",
    [
        new("name", FieldKind.Text, Required: true),
        new("email", FieldKind.Email, Required: true, MaxLength: MaxEmailLength),
    ]);

    public static readonly IReadOnlyList<CollectionSchema> All = [Companies, Contacts, Activities, Users];

    /// <summary>The collections webhooks can subscribe to (the spec's <c>events</c> values).</summary>
    public static readonly string[] WebhookEvents = ["companies", "contacts", "activities"];

    public static CollectionSchema? Find(string collection) => All.FirstOrDefault(s => s.Name == collection);

    public static JsonObject EmptyAddress() => new() { ["street"] = null, ["postalCode"] = null, ["city"] = null, ["country"] = null };

    /// <summary>The schema whose ids start with the prefix of <paramref name="id"/>.</summary>
    public static CollectionSchema? ForId(string id) => All.FirstOrDefault(s => id.StartsWith(s.IdPrefix + "-", StringComparison.Ordinal));
}
