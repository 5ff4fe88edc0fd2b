using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using A = Tolk.Custompms.Emulator.CustompmsAssumptions;

namespace Tolk.Custompms.Emulator.Internal.Dto;

/// <summary>A customer as the API returns it (the OpenAPI schema; the emulator itself works on JSON).</summary>
internal sealed record Customer
{
    [Description("Server-assigned UUID.")]
    public required Guid Id { get; init; }

    [MaxLength(A.NameLength)]
    public required string Name { get; init; }

    [MaxLength(A.OrgNumberLength), Description("Organization number, e.g. 912345678.")]
    public required string? OrgNumber { get; init; }

    [MaxLength(A.EmailLength)]
    public required string? Email { get; init; }

    [MaxLength(A.PhoneLength)]
    public required string? Phone { get; init; }

    [Description(Text.CreatedAt)]
    public required DateTimeOffset CreatedAt { get; init; }

    [Description(Text.ModifiedAt)]
    public required DateTimeOffset ModifiedAt { get; init; }
}

/// <summary>The body of a customer create or replace.</summary>
internal sealed record CustomerInput
{
    [MaxLength(A.NameLength), MinLength(1)]
    public required string Name { get; init; }

    [MaxLength(A.OrgNumberLength)]
    public string? OrgNumber { get; init; }

    [MaxLength(A.EmailLength)]
    public string? Email { get; init; }

    [MaxLength(A.PhoneLength)]
    public string? Phone { get; init; }
}
