using System.Globalization;
using System.Text.Json.Nodes;
using static Tolk.Sync.Conversion.JsonScalars;

namespace Tolk.Sync.Conversion.Named;

/// <summary>
/// Tidsbanken Ansatt <c>Id</c> (an integer key the client chooses) ↔ person.employee_number. Written on insert as the
/// employee number when that is a positive number that fits, else left out so the connector takes the next free
/// number. Lossy: the key never changes, so reading keeps the current employee number and gives the Id only when no
/// employee number is known (a fallback number must never overwrite a real one).
/// </summary>
internal sealed class TidsbankenEmployeeId : INamedConverter
{
    public string Name => "tidsbanken_employee_id";

    public string Summary => "Id = employee number when numeric (else the next free number); read back only when none is known";

    public ConverterSignature Signature { get; } = new([DataKind.Integer], [DataKind.String]);

    public Converted<CanonicalValue?[]> Read(ConverterContext context, IReadOnlyList<JsonNode?> fields, IReadOnlyList<CanonicalValue?> current)
    {
        if (fields[0] is null)
        {
            return Converted.Ok<CanonicalValue?[]>([current[0]]);
        }

        if (!IsInteger(fields[0]!, out var id))
        {
            return Converted.Fail<CanonicalValue?[]>(context.Fields[0].Text, Show(fields[0]), "expected a whole number");
        }

        return Converted.Ok<CanonicalValue?[]>([current[0] ?? CanonicalValue.OfText(id.ToString(CultureInfo.InvariantCulture))]);
    }

    public Converted<FieldAssignment[]> Write(ConverterContext context, IReadOnlyList<CanonicalValue?> values, IReadOnlyList<JsonNode?> currentFields)
    {
        if (currentFields[0] is not null)
        {
            return Converted.Ok<FieldAssignment[]>([]);
        }

        return Converted.Ok<FieldAssignment[]>(values[0] is TextValue number && ToId(number.Value) is { } id ? [new(0, JsonValue.Create(id))] : []);
    }

    /// <summary>The Id for an employee number, or null when it is not a positive whole number that fits.</summary>
    public static int? ToId(string employeeNumber) =>
        employeeNumber.All(char.IsAsciiDigit) && int.TryParse(employeeNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;
}
