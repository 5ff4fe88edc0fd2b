using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using A = Tolk.Customerp.Emulator.CustomerpAssumptions;

namespace Tolk.Customerp.Emulator.Internal.Dto;

/// <summary>An employee as the API returns it.</summary>
internal sealed record Employee(
    int Id,
    [property: MaxLength(A.NumberLength), Description("Unique when set.")] string? EmployeeNumber,
    [property: MaxLength(A.PersonNameLength)] string FirstName,
    [property: MaxLength(A.PersonNameLength)] string LastName,
    [property: MaxLength(A.EmailLength), Description("Unique among employees (case-insensitive).")] string Email,
    [property: MaxLength(A.PhoneLength)] string? Phone,
    [property: MaxLength(A.TitleLength)] string? Title,
    [property: MaxLength(A.DepartmentLength)] string? Department,
    DateOnly? HireDate,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt,
    int Version);

/// <summary>The body of an employee create.</summary>
internal sealed record EmployeeCreate(
    [property: MaxLength(A.PersonNameLength)] string FirstName,
    [property: MaxLength(A.PersonNameLength)] string LastName,
    [property: MaxLength(A.EmailLength), Description("Unique among employees (case-insensitive).")] string Email,
    [property: MaxLength(A.NumberLength), Description("Unique when set.")] string? EmployeeNumber = null,
    [property: MaxLength(A.PhoneLength)] string? Phone = null,
    [property: MaxLength(A.TitleLength)] string? Title = null,
    [property: MaxLength(A.DepartmentLength)] string? Department = null,
    DateOnly? HireDate = null,
    [property: Description("Defaults to true.")] bool IsActive = true);

/// <summary>A JSON merge patch of an employee: fields left out stay, null clears (not allowed for names, email, is_active).</summary>
internal sealed record EmployeePatch(
    [property: MaxLength(A.NumberLength)] string? EmployeeNumber = null,
    [property: MaxLength(A.PersonNameLength)] string? FirstName = null,
    [property: MaxLength(A.PersonNameLength)] string? LastName = null,
    [property: MaxLength(A.EmailLength)] string? Email = null,
    [property: MaxLength(A.PhoneLength)] string? Phone = null,
    [property: MaxLength(A.TitleLength)] string? Title = null,
    [property: MaxLength(A.DepartmentLength)] string? Department = null,
    DateOnly? HireDate = null,
    bool? IsActive = null);
