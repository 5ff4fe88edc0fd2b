using System.Text.Json.Nodes;
using static Tolk.Sync.Conversion.JsonScalars;

namespace Tolk.Sync.Conversion.Named;

/// <summary>
/// Asana project <c>completed</c> + <c>archived</c> ↔ project.status. Completed (archived or not) is completed;
/// archived without being completed is cancelled; neither is planned or active (the current one kept, else active).
/// Writing completed leaves the archived flag alone, so every combination Asana can hold reads back unchanged.
/// </summary>
internal sealed class AsanaProjectStatus : INamedConverter
{
    public string Name => "asana_project_status";

    public string Summary => "completed → completed; archived only → cancelled; neither → planned or active (kept, else active)";

    public ConverterSignature Signature { get; } = new([DataKind.Boolean, DataKind.Boolean], [DataKind.Enum], EnumValues: StatusFlags.All);

    public Converted<CanonicalValue?[]> Read(ConverterContext context, IReadOnlyList<JsonNode?> fields, IReadOnlyList<CanonicalValue?> current)
    {
        if (fields[0] is null && fields[1] is null)
        {
            return Converted.Ok<CanonicalValue?[]>([null]);
        }

        var flags = new bool[2];
        for (var i = 0; i < 2; i++)
        {
            if (fields[i] is { } node && !IsBoolean(node, out flags[i]))
            {
                return Converted.Fail<CanonicalValue?[]>(context.Fields[i].Text, Show(node), "expected true or false");
            }
        }

        var status = flags switch
        {
            [true, _] => new EnumValue(StatusFlags.Completed),
            [false, true] => new EnumValue(StatusFlags.Cancelled),
            _ => StatusFlags.FromClosed(false, current[0]),
        };
        return Converted.Ok<CanonicalValue?[]>([status]);
    }

    public Converted<FieldAssignment[]> Write(ConverterContext context, IReadOnlyList<CanonicalValue?> values, IReadOnlyList<JsonNode?> currentFields)
    {
        FieldAssignment[]? fields = (values[0] as EnumValue)?.Value switch
        {
            StatusFlags.Planned or StatusFlags.Active => [new(0, false), new(1, false)],
            StatusFlags.Completed => [new(0, true)],
            StatusFlags.Cancelled => [new(0, false), new(1, true)],
            _ => null,
        };

        if (values[0] is null)
        {
            return Converted.Ok<FieldAssignment[]>([]);
        }

        return fields is null
            ? Converted.Fail<FieldAssignment[]>(context.Properties[0], values[0]!.Text, "not a project status")
            : Converted.Ok(fields);
    }
}
