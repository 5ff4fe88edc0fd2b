using Tolk.Custompms.Emulator.Internal;
using A = Tolk.Custompms.Emulator.CustompmsAssumptions;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    /// <summary>Project statuses in the contract's order.</summary>
    internal static readonly string[] ProjectStatuses = ["open", "inProgress", "done", "archived"];

    internal static readonly CollectionSchema Projects = new("projects", "project",
    [
        FieldRule.Text("key", A.KeyLength),
        FieldRule.Text("name", A.NameLength, required: true),
        FieldRule.Text("description", A.DescriptionLength),
        new FieldRule("customerId", FieldKind.Reference) { Target = "customers" },
        new FieldRule("startDate", FieldKind.Date),
        new FieldRule("dueDate", FieldKind.Date),
        new FieldRule("status", FieldKind.Choice) { Values = ProjectStatuses },
    ]);
}
