using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using A = Tolk.Customerp.Emulator.CustomerpAssumptions;

namespace Tolk.Customerp.Emulator.Internal.Dto;

/// <summary>A contact person at a customer, as the API returns it.</summary>
internal sealed record Contact(
    int Id,
    [property: Description("The customer's id.")] int? CustomerId,
    [property: MaxLength(A.PersonNameLength)] string FirstName,
    [property: MaxLength(A.PersonNameLength)] string LastName,
    [property: MaxLength(A.EmailLength), Description("Unique among contacts when set (case-insensitive).")] string? Email,
    [property: MaxLength(A.PhoneLength)] string? Phone,
    [property: MaxLength(A.TitleLength)] string? Title,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt,
    int Version);

/// <summary>The body of a contact create.</summary>
internal sealed record ContactCreate(
    [property: MaxLength(A.PersonNameLength)] string FirstName,
    [property: MaxLength(A.PersonNameLength)] string LastName,
    [property: Description("A customer that is not deleted.")] int? CustomerId = null,
    [property: MaxLength(A.EmailLength), Description("Unique among contacts when set (case-insensitive).")] string? Email = null,
    [property: MaxLength(A.PhoneLength)] string? Phone = null,
    [property: MaxLength(A.TitleLength)] string? Title = null);

/// <summary>A JSON merge patch of a contact: fields left out stay, null clears (not allowed for the names).</summary>
internal sealed record ContactPatch(
    int? CustomerId = null,
    [property: MaxLength(A.PersonNameLength)] string? FirstName = null,
    [property: MaxLength(A.PersonNameLength)] string? LastName = null,
    [property: MaxLength(A.EmailLength)] string? Email = null,
    [property: MaxLength(A.PhoneLength)] string? Phone = null,
    [property: MaxLength(A.TitleLength)] string? Title = null);
