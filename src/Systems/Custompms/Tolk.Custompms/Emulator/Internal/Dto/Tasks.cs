using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using A = Tolk.Custompms.Emulator.CustompmsAssumptions;

namespace Tolk.Custompms.Emulator.Internal.Dto;

/// <summary>How urgent a task is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaskPriority>))]
internal enum TaskPriority
{
    [JsonStringEnumMemberName("low")] Low,
    [JsonStringEnumMemberName("normal")] Normal,
    [JsonStringEnumMemberName("high")] High,
}

/// <summary>A task as the API returns it (named so to stay clear of <see cref="System.Threading.Tasks.Task"/>).</summary>
internal sealed record ProjectTask
{
    [Description("Server-assigned UUID.")]
    public required Guid Id { get; init; }

    [Description("The project's id.")]
    public required Guid ProjectId { get; init; }

    [MaxLength(A.TitleLength)]
    public required string Title { get; init; }

    [MaxLength(A.DescriptionLength)]
    public required string? Description { get; init; }

    [MaxLength(A.EmailLength), Description("The assignee's e-mail address; Custompms has no user records.")]
    public required string? AssigneeEmail { get; init; }

    public required DateOnly? DueDate { get; init; }

    public required bool? Done { get; init; }

    public required TaskPriority? Priority { get; init; }

    [Description(Text.CreatedAt)]
    public required DateTimeOffset CreatedAt { get; init; }

    [Description(Text.ModifiedAt)]
    public required DateTimeOffset ModifiedAt { get; init; }
}

/// <summary>The body of a task create or replace.</summary>
internal sealed record TaskInput
{
    [Description("The id of an existing project.")]
    public required Guid ProjectId { get; init; }

    [MaxLength(A.TitleLength), MinLength(1)]
    public required string Title { get; init; }

    [MaxLength(A.DescriptionLength)]
    public string? Description { get; init; }

    [MaxLength(A.EmailLength)]
    public string? AssigneeEmail { get; init; }

    public DateOnly? DueDate { get; init; }

    public bool? Done { get; init; }

    public TaskPriority? Priority { get; init; }
}
