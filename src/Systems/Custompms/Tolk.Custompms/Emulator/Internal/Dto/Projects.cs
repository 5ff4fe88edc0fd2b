using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using A = Tolk.Custompms.Emulator.CustompmsAssumptions;

namespace Tolk.Custompms.Emulator.Internal.Dto;

/// <summary>Where a project stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProjectStatus>))]
internal enum ProjectStatus
{
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("inProgress")] InProgress,
    [JsonStringEnumMemberName("done")] Done,
    [JsonStringEnumMemberName("archived")] Archived,
}

/// <summary>A project as the API returns it.</summary>
internal sealed record Project
{
    [Description("Server-assigned UUID.")]
    public required Guid Id { get; init; }

    [MaxLength(A.KeyLength), Description(Text.Key)]
    public required string Key { get; init; }

    [MaxLength(A.NameLength)]
    public required string Name { get; init; }

    [MaxLength(A.DescriptionLength)]
    public required string? Description { get; init; }

    [Description("The customer's id.")]
    public required Guid? CustomerId { get; init; }

    public required DateOnly? StartDate { get; init; }

    public required DateOnly? DueDate { get; init; }

    public required ProjectStatus? Status { get; init; }

    [Description(Text.CreatedAt)]
    public required DateTimeOffset CreatedAt { get; init; }

    [Description(Text.ModifiedAt)]
    public required DateTimeOffset ModifiedAt { get; init; }
}

/// <summary>The body of a project create or replace.</summary>
internal sealed record ProjectInput
{
    [MaxLength(A.KeyLength), MinLength(1), Description(Text.KeyInput)]
    public string? Key { get; init; }

    [MaxLength(A.NameLength), MinLength(1)]
    public required string Name { get; init; }

    [MaxLength(A.DescriptionLength)]
    public string? Description { get; init; }

    [Description("The id of an existing customer.")]
    public Guid? CustomerId { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? DueDate { get; init; }

    public ProjectStatus? Status { get; init; }
}
