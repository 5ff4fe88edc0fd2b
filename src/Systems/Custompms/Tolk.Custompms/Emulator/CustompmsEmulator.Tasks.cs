using Tolk.Custompms.Emulator.Internal;
using A = Tolk.Custompms.Emulator.CustompmsAssumptions;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    /// <summary>Task priorities in the contract's order.</summary>
    internal static readonly string[] Priorities = ["low", "normal", "high"];

    internal static readonly CollectionSchema Tasks = new("tasks", "task",
    [
        new FieldRule("projectId", FieldKind.Reference) { Target = "projects", Required = true },
        FieldRule.Text("title", A.TitleLength, required: true),
        FieldRule.Text("description", A.DescriptionLength),
        FieldRule.Text("assigneeEmail", A.EmailLength),
        new FieldRule("dueDate", FieldKind.Date),
        new FieldRule("done", FieldKind.Flag),
        new FieldRule("priority", FieldKind.Choice) { Values = Priorities },
    ]);
}
