using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Customerp.Emulator.Internal.Dto;
using Tolk.Emulation.Sample;
using A = Tolk.Customerp.Emulator.CustomerpAssumptions;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    internal static readonly CollectionSchema Customers = new("customers", "customer",
    [
        FieldRule.Text("name", A.NameLength) with { Required = true },
        new FieldRule("org_number", FieldKind.OrgNumber) { Unique = true },
        FieldRule.Text("email", A.EmailLength),
        FieldRule.Text("phone", A.PhoneLength),
        FieldRule.Text("website", A.WebsiteLength),
        FieldRule.Text("address_line", A.AddressLength),
        FieldRule.Text("postal_code", A.PostalCodeLength),
        FieldRule.Text("city", A.CityLength),
        new FieldRule("country", FieldKind.Country),
        FieldRule.Flag("is_active"),
        FieldRule.Text("notes", A.TextLength),
    ]);

    private void MapCustomers(IEndpointRouteBuilder api) => MapCollection<Customer, CustomerCreate, CustomerPatch>(api, Customers);

    private static JsonObject CustomerFields(SampleOrganization o) => new()
    {
        ["name"] = o.Name,
        ["org_number"] = o.OrgNumber,
        ["email"] = o.Email,
        ["phone"] = o.Phone,
        ["website"] = o.Website,
        ["address_line"] = o.AddressLine,
        ["postal_code"] = o.PostalCode,
        ["city"] = o.City,
        ["country"] = o.Country,
        ["is_active"] = true,
        ["notes"] = o.Description,
    };
}
