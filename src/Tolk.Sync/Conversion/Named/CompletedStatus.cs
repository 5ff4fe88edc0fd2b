using System.Text.Json.Nodes;
using static Tolk.Sync.Conversion.JsonScalars;

namespace Tolk.Sync.Conversion.Named;

/// <summary>
/// A "completed" boolean ↔ project.status (Asana task as a project, Tidsbanken Avsluttet, Crmoffice activity).
/// Lossy: true is completed or cancelled, false is planned or active; reading keeps the current status when the
/// boolean agrees with it, else reads completed or active.
/// </summary>
internal sealed class CompletedStatus : INamedConverter
{
    public string Name => "completed_status";

    public string Summary => "true ↔ completed (or cancelled, kept), false ↔ active (or planned, kept)";

    public ConverterSignature Signature { get; } = new([DataKind.Boolean], [DataKind.Enum], EnumValues: StatusFlags.All);

    public Converted<CanonicalValue?[]> Read(ConverterContext context, IReadOnlyList<JsonNode?> fields, IReadOnlyList<CanonicalValue?> current)
    {
        if (fields[0] is null)
        {
            return Converted.Ok<CanonicalValue?[]>([null]);
        }

        return IsBoolean(fields[0]!, out var closed)
            ? Converted.Ok<CanonicalValue?[]>([StatusFlags.FromClosed(closed, current[0])])
            : Converted.Fail<CanonicalValue?[]>(context.Fields[0].Text, Show(fields[0]), "expected true or false");
    }

    public Converted<FieldAssignment[]> Write(ConverterContext context, IReadOnlyList<CanonicalValue?> values, IReadOnlyList<JsonNode?> currentFields)
    {
        // No status says nothing about completion: the flag is left as it is.
        if (values[0] is null)
        {
            return Converted.Ok<FieldAssignment[]>([]);
        }

        return values[0] is EnumValue { Value: var status } && StatusFlags.IsClosed(status) is { } closed
            ? Converted.Ok<FieldAssignment[]>([new(0, JsonValue.Create(closed))])
            : Converted.Fail<FieldAssignment[]>(context.Properties[0], values[0]!.Text, "not a project status");
    }
}
