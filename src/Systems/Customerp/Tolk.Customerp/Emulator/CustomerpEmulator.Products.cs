using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Customerp.Emulator.Internal.Dto;
using Tolk.Emulation.Sample;
using A = Tolk.Customerp.Emulator.CustomerpAssumptions;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    internal static readonly CollectionSchema Products = new("products", "product",
    [
        FieldRule.Text("sku", A.SkuLength) with { Required = true, Unique = true },
        FieldRule.Text("name", A.NameLength) with { Required = true },
        FieldRule.Text("description", A.TextLength),
        new FieldRule("unit_price", FieldKind.Amount),
        new FieldRule("currency", FieldKind.Currency) { NotNull = true, Default = () => A.DefaultCurrency },
        new FieldRule("vat_rate", FieldKind.Percent) { NotNull = true, Default = () => FieldValidator.TwoPlaces(A.DefaultVatRate) },
        FieldRule.Flag("is_active"),
    ]);

    private void MapProducts(IEndpointRouteBuilder api) => MapCollection<Product, ProductCreate, ProductPatch>(api, Products);

    private static JsonObject ProductFields(SampleProduct p) => new()
    {
        ["sku"] = p.Sku,
        ["name"] = p.Name,
        ["description"] = p.Description,
        ["unit_price"] = FieldValidator.TwoPlaces(p.UnitPrice),
        ["currency"] = p.Currency,
        ["vat_rate"] = FieldValidator.TwoPlaces(A.DefaultVatRate),
        ["is_active"] = p.Active,
    };
}
