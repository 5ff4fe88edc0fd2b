using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Tolk.Crmoffice.Emulator.Internal.Dto;

// Shapes for the OpenAPI document only: the handlers read and write JSON by hand, so bad input gets the API's own errors.

/// <summary>A postal address.</summary>
internal sealed record Address(string? Street, string? PostalCode, string? City, string? Country);

/// <summary>A company's category.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CompanyCategory>))]
internal enum CompanyCategory
{
    [JsonStringEnumMemberName("customer")] Customer,
    [JsonStringEnumMemberName("prospect")] Prospect,
    [JsonStringEnumMemberName("partner")] Partner,
    [JsonStringEnumMemberName("supplier")] Supplier,
    [JsonStringEnumMemberName("product")] Product,
}

/// <summary>An activity's type.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActivityType>))]
internal enum ActivityType
{
    [JsonStringEnumMemberName("meeting")] Meeting,
    [JsonStringEnumMemberName("call")] Call,
    [JsonStringEnumMemberName("task")] Task,
    [JsonStringEnumMemberName("note")] Note,
    [JsonStringEnumMemberName("project")] Project,
}

/// <summary>A company.</summary>
internal sealed record Company(
    [property: Description("CO-000001")] string Id, string Name, [property: Description("Nine digits, unique")] string? OrgNr,
    string? Email, string? Phone, string? Website, Address Address, string? Description, CompanyCategory? Category, bool IsActive,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A company's writable fields; on PUT only the fields to change.</summary>
internal sealed record CompanyInput(
    string? Name, string? OrgNr, string? Email, string? Phone, string? Website, Address? Address, string? Description,
    CompanyCategory? Category, bool? IsActive);

/// <summary>A contact person.</summary>
internal sealed record Contact(
    [property: Description("CT-000001")] string Id, string? CompanyId, string GivenName, string FamilyName, string? Email,
    string? Phone, string? MobilePhone, string? Title, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A contact's writable fields; on PUT only the fields to change.</summary>
internal sealed record ContactInput(
    string? CompanyId, string? GivenName, string? FamilyName, string? Email, string? Phone, string? MobilePhone, string? Title, bool? IsActive);

/// <summary>A meeting, call, task, note or project.</summary>
internal sealed record Activity(
    [property: Description("AC-000001")] string Id, ActivityType Type, string Subject, string? Description,
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, bool Completed, string? OwnerId, string? CompanyId, string? ContactId,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>An activity's writable fields; on PUT only the fields to change.</summary>
internal sealed record ActivityInput(
    ActivityType? Type, string? Subject, string? Description, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, bool? Completed,
    string? OwnerId, string? CompanyId, string? ContactId);

/// <summary>A user of the CRM (read-only).</summary>
internal sealed record User([property: Description("US-000001")] string Id, string Name, string Email, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A page of a list: the items and how many match in all.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, int Total);
