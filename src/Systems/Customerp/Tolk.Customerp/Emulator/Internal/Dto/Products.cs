using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using A = Tolk.Customerp.Emulator.CustomerpAssumptions;

namespace Tolk.Customerp.Emulator.Internal.Dto;

/// <summary>A product as the API returns it.</summary>
internal sealed record Product(
    int Id,
    [property: MaxLength(A.SkuLength), Description("Unique among products.")] string Sku,
    [property: MaxLength(A.NameLength)] string Name,
    [property: MaxLength(A.TextLength)] string? Description,
    [property: Range(0, (double)A.MaxAmount), Description("Two decimal places.")] decimal? UnitPrice,
    [property: RegularExpression("^[A-Z]{3}$"), Description("ISO 4217.")] string Currency,
    [property: Range(0, 100), Description("Percent, two decimal places.")] decimal VatRate,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt,
    int Version);

/// <summary>The body of a product create.</summary>
internal sealed record ProductCreate(
    [property: MaxLength(A.SkuLength), Description("Unique among products.")] string Sku,
    [property: MaxLength(A.NameLength)] string Name,
    [property: MaxLength(A.TextLength)] string? Description = null,
    [property: Range(0, (double)A.MaxAmount), Description("At most two decimal places.")] decimal? UnitPrice = null,
    [property: RegularExpression("^[A-Z]{3}$"), Description("ISO 4217; defaults to NOK.")] string Currency = A.DefaultCurrency,
    [property: Range(0, 100), Description("Percent, at most two decimal places; defaults to 25.00.")] decimal? VatRate = null,
    [property: Description("Defaults to true.")] bool IsActive = true);

/// <summary>A JSON merge patch of a product: fields left out stay, null clears (not allowed for sku, name, currency, vat_rate, is_active).</summary>
internal sealed record ProductPatch(
    [property: MaxLength(A.SkuLength)] string? Sku = null,
    [property: MaxLength(A.NameLength)] string? Name = null,
    [property: MaxLength(A.TextLength)] string? Description = null,
    [property: Range(0, (double)A.MaxAmount)] decimal? UnitPrice = null,
    [property: RegularExpression("^[A-Z]{3}$")] string? Currency = null,
    [property: Range(0, 100)] decimal? VatRate = null,
    bool? IsActive = null);
