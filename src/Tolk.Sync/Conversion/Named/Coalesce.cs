using System.Text.Json.Nodes;

namespace Tolk.Sync.Conversion.Named;

/// <summary>
/// Several fields ↔ one property: the first field with a value is read; a value is written back to the field it came
/// from (the first field when none had one), and no value clears them all. Used for Crmoffice's phone and mobilePhone.
/// </summary>
internal sealed class Coalesce : INamedConverter
{
    public string Name => "coalesce";

    public string Summary => "the first field with a value; written back to that field";

    public ConverterSignature Signature { get; } = new([null, null], [null], Variadic: true);

    public Converted<CanonicalValue?[]> Read(ConverterContext context, IReadOnlyList<JsonNode?> fields, IReadOnlyList<CanonicalValue?> current)
    {
        var format = context.Format ?? throw new InvalidOperationException("coalesce needs the mapping's type");
        for (var i = 0; i < fields.Count; i++)
        {
            var read = ValueReader.Read(fields[i], format, format.Kind, context.Fields[i].Text);
            if (!read.IsOk || read.Value is not null)
            {
                return read.IsOk ? Converted.Ok<CanonicalValue?[]>([read.Value]) : Converted.Fail<CanonicalValue?[]>(read.Error!);
            }
        }

        return Converted.Ok<CanonicalValue?[]>([null]);
    }

    public Converted<FieldAssignment[]> Write(ConverterContext context, IReadOnlyList<CanonicalValue?> values, IReadOnlyList<JsonNode?> currentFields)
    {
        var format = context.Format ?? throw new InvalidOperationException("coalesce needs the mapping's type");
        var written = ValueWriter.Write(values[0], format, context.Properties[0]);
        if (!written.IsOk)
        {
            return Converted.Fail<FieldAssignment[]>(written.Error!);
        }

        if (values[0] is null)
        {
            return Converted.Ok(Enumerable.Range(0, currentFields.Count).Select(i => new FieldAssignment(i, null)).ToArray());
        }

        var source = Enumerable.Range(0, currentFields.Count)
            .FirstOrDefault(i => ValueReader.Read(currentFields[i], format, format.Kind, context.Fields[i].Text) is { IsOk: true, Value: not null });
        return Converted.Ok<FieldAssignment[]>([new(source, written.Value)]);
    }
}
