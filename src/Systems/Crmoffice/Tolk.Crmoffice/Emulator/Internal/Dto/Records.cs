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
    [property: Description("Server-assigned, e.g. CO-000001")] string Id, string Name, [property: Description("Nine digits, unique among companies")] string? OrgNr,
    string? Email, string? Phone, string? Website, Address Address, string? Description, CompanyCategory? Category, bool IsActive,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A company's writable fields: on POST name is required; on PUT only the fields to change (null clears).</summary>
internal sealed record CompanyInput
{
    public string? Name { get; init; }

    public string? OrgNr { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Website { get; init; }

    public Address? Address { get; init; }

    public string? Description { get; init; }

    public CompanyCategory? Category { get; init; }

    public bool IsActive { get; init; }
}

/// <summary>A contact person.</summary>
internal sealed record Contact(
    [property: Description("Server-assigned, e.g. CT-000001")] string Id, string? CompanyId, string GivenName, string FamilyName, string? Email,
    string? Phone, string? MobilePhone, string? Title, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A contact's writable fields: on POST givenName and familyName are required; on PUT only the fields to change.</summary>
internal sealed record ContactInput
{
    public string? CompanyId { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? MobilePhone { get; init; }

    public string? Title { get; init; }

    public bool IsActive { get; init; }
}

/// <summary>A meeting, call, task, note or project.</summary>
internal sealed record Activity(
    [property: Description("Server-assigned, e.g. AC-000001")] string Id, ActivityType Type, string Subject, string? Description,
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, bool Completed, string? OwnerId, string? CompanyId, string? ContactId,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>An activity's writable fields: on POST type and subject are required; on PUT only the fields to change.</summary>
internal sealed record ActivityInput
{
    public ActivityType Type { get; init; }

    public string? Subject { get; init; }

    public string? Description { get; init; }

    public DateTimeOffset? StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public bool Completed { get; init; }

    public string? OwnerId { get; init; }

    public string? CompanyId { get; init; }

    public string? ContactId { get; init; }
}

/// <summary>A user of the CRM (read-only).</summary>
internal sealed record User([property: Description("Server-assigned, e.g. US-000001")] string Id, string Name, string Email, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A page of a list: the items and how many match in all.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, int Total);
