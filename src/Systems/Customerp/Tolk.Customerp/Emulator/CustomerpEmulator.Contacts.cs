using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Customerp.Emulator.Internal.Dto;
using Tolk.Emulation.Sample;
using A = Tolk.Customerp.Emulator.CustomerpAssumptions;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    internal static readonly CollectionSchema Contacts = new("contacts", "contact",
    [
        FieldRule.Reference("customer_id", "customers"),
        FieldRule.Text("first_name", A.PersonNameLength) with { Required = true },
        FieldRule.Text("last_name", A.PersonNameLength) with { Required = true },
        FieldRule.Text("email", A.EmailLength) with { Unique = true, IgnoreCase = true },
        FieldRule.Text("phone", A.PhoneLength),
        FieldRule.Text("title", A.TitleLength),
    ]);

    private void MapContacts(IEndpointRouteBuilder api) => MapCollection<Contact, ContactCreate, ContactPatch>(api, Contacts);

    private static JsonObject ContactFields(SamplePerson p) => new()
    {
        ["customer_id"] = p.OrganizationIndex + 1,
        ["first_name"] = p.FirstName,
        ["last_name"] = p.LastName,
        ["email"] = p.Email,
        ["phone"] = p.Phone,
        ["title"] = p.Title,
    };
}
