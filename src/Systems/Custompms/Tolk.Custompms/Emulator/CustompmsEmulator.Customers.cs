using System.Text.Json.Nodes;
using Tolk.Custompms.Emulator.Internal;
using Tolk.Emulation.Sample;
using A = Tolk.Custompms.Emulator.CustompmsAssumptions;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    internal static readonly CollectionSchema Customers = new("customers", "customer",
    [
        FieldRule.Text("name", A.NameLength, required: true),
        FieldRule.Text("orgNumber", A.OrgNumberLength),
        FieldRule.Text("email", A.EmailLength),
        FieldRule.Text("phone", A.PhoneLength),
    ]);

    private static JsonObject CustomerFields(SampleOrganization o) => new()
    {
        ["name"] = o.Name,
        ["orgNumber"] = o.OrgNumber,
        ["email"] = o.Email,
        ["phone"] = o.Phone,
    };
}
