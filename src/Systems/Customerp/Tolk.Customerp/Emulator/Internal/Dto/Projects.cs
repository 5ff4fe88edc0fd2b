using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using A = Tolk.Customerp.Emulator.CustomerpAssumptions;

namespace Tolk.Customerp.Emulator.Internal.Dto;

/// <summary>A project's status.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProjectStatus>))]
internal enum ProjectStatus
{
    /// <summary>Not started.</summary>
    [JsonStringEnumMemberName("planned")] Planned,
    /// <summary>Under way.</summary>
    [JsonStringEnumMemberName("active")] Active,
    /// <summary>Done.</summary>
    [JsonStringEnumMemberName("completed")] Completed,
    /// <summary>Stopped before it was done.</summary>
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}

/// <summary>A project as the API returns it.</summary>
internal sealed record Project(
    int Id,
    [property: MaxLength(A.NumberLength), Description("Unique; the server assigns P-<n> when a create leaves it out.")] string ProjectNumber,
    [property: MaxLength(A.NameLength)] string Name,
    [property: MaxLength(A.TextLength)] string? Description,
    [property: Description("The customer's id.")] int? CustomerId,
    [property: Description("The managing employee's id.")] int? ManagerId,
    DateOnly? StartDate,
    DateOnly? EndDate,
    ProjectStatus Status,
    [property: Range(0, (double)A.MaxAmount), Description("Two decimal places.")] decimal? Budget,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt,
    int Version);

/// <summary>The body of a project create.</summary>
internal sealed record ProjectCreate(
    [property: MaxLength(A.NameLength)] string Name,
    [property: MaxLength(A.NumberLength), Description("Unique; assigned as P-<n> when left out.")] string? ProjectNumber = null,
    [property: MaxLength(A.TextLength)] string? Description = null,
    [property: Description("A customer that is not deleted.")] int? CustomerId = null,
    [property: Description("An employee that is not deleted.")] int? ManagerId = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null,
    [property: Description("Defaults to planned.")] ProjectStatus Status = ProjectStatus.Planned,
    [property: Range(0, (double)A.MaxAmount), Description("At most two decimal places.")] decimal? Budget = null);

/// <summary>A JSON merge patch of a project: fields left out stay, null clears (not allowed for project_number, name, status).</summary>
internal sealed record ProjectPatch(
    [property: MaxLength(A.NumberLength)] string? ProjectNumber = null,
    [property: MaxLength(A.NameLength)] string? Name = null,
    [property: MaxLength(A.TextLength)] string? Description = null,
    int? CustomerId = null,
    int? ManagerId = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null,
    ProjectStatus? Status = null,
    [property: Range(0, (double)A.MaxAmount)] decimal? Budget = null);
