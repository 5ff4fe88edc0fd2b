using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using A = Tolk.Customerp.Emulator.CustomerpAssumptions;

namespace Tolk.Customerp.Emulator.Internal.Dto;

/// <summary>A customer as the API returns it.</summary>
internal sealed record Customer(
    int Id,
    [property: MaxLength(A.NameLength)] string Name,
    [property: RegularExpression("^[0-9]{9}$"), Description("Nine digits; unique among customers when set.")] string? OrgNumber,
    [property: MaxLength(A.EmailLength)] string? Email,
    [property: MaxLength(A.PhoneLength)] string? Phone,
    [property: MaxLength(A.WebsiteLength)] string? Website,
    [property: MaxLength(A.AddressLength)] string? AddressLine,
    [property: MaxLength(A.PostalCodeLength)] string? PostalCode,
    [property: MaxLength(A.CityLength)] string? City,
    [property: RegularExpression("^[A-Z]{2}$"), Description("ISO 3166-1 alpha-2.")] string? Country,
    bool IsActive,
    [property: MaxLength(A.TextLength)] string? Notes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt,
    int Version);

/// <summary>The body of a customer create.</summary>
internal sealed record CustomerCreate(
    [property: MaxLength(A.NameLength)] string Name,
    [property: RegularExpression("^[0-9]{9}$"), Description("Nine digits; unique among customers when set.")] string? OrgNumber = null,
    [property: MaxLength(A.EmailLength)] string? Email = null,
    [property: MaxLength(A.PhoneLength)] string? Phone = null,
    [property: MaxLength(A.WebsiteLength)] string? Website = null,
    [property: MaxLength(A.AddressLength)] string? AddressLine = null,
    [property: MaxLength(A.PostalCodeLength)] string? PostalCode = null,
    [property: MaxLength(A.CityLength)] string? City = null,
    [property: RegularExpression("^[A-Z]{2}$"), Description("ISO 3166-1 alpha-2.")] string? Country = null,
    [property: Description("Defaults to true.")] bool IsActive = true,
    [property: MaxLength(A.TextLength)] string? Notes = null);

/// <summary>A JSON merge patch of a customer: fields left out stay, null clears (not allowed for name and is_active).</summary>
internal sealed record CustomerPatch(
    [property: MaxLength(A.NameLength)] string? Name = null,
    [property: RegularExpression("^[0-9]{9}$")] string? OrgNumber = null,
    [property: MaxLength(A.EmailLength)] string? Email = null,
    [property: MaxLength(A.PhoneLength)] string? Phone = null,
    [property: MaxLength(A.WebsiteLength)] string? Website = null,
    [property: MaxLength(A.AddressLength)] string? AddressLine = null,
    [property: MaxLength(A.PostalCodeLength)] string? PostalCode = null,
    [property: MaxLength(A.CityLength)] string? City = null,
    [property: RegularExpression("^[A-Z]{2}$")] string? Country = null,
    bool? IsActive = null,
    [property: MaxLength(A.TextLength)] string? Notes = null);
