using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tolk.Custompms.Emulator.Internal;

/// <summary>What kind of JSON value a field holds.</summary>
internal enum FieldKind
{
    Text,
    Date,
    Flag,
    Choice,
    Reference,
}

/// <summary>One writable field of a collection and the rule its value must meet.</summary>
internal sealed record FieldRule(string Name, FieldKind Kind)
{
    public bool Required { get; init; }

    public int MaxLength { get; init; }

    /// <summary>The allowed values of a <see cref="FieldKind.Choice"/>, in the order the contract lists them.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>The collection a <see cref="FieldKind.Reference"/> points into.</summary>
    public string? Target { get; init; }

    public static FieldRule Text(string name, int maxLength, bool required = false) =>
        new(name, FieldKind.Text) { MaxLength = maxLength, Required = required };

    /// <summary>Checks a present, non-null value; returns the message for a 400, or null when it is valid.</summary>
    public string? Check(JsonNode value)
    {
        var kind = value.GetValueKind();
        switch (Kind)
        {
            case FieldKind.Flag:
                return kind is JsonValueKind.True or JsonValueKind.False ? null : $"{Name} must be true, false or null.";
            case FieldKind.Text:
                if (kind != JsonValueKind.String)
                {
                    return $"{Name} must be a string.";
                }
                var text = value.GetValue<string>();
                if (Required && string.IsNullOrWhiteSpace(text))
                {
                    return $"{Name} must not be empty.";
                }
                return text.Length > MaxLength ? $"{Name} must be at most {MaxLength} characters." : null;
            case FieldKind.Date:
                return kind == JsonValueKind.String && Rfc3339.IsDate(value.GetValue<string>())
                    ? null
                    : $"{Name} must be a date in the form yyyy-MM-dd.";
            case FieldKind.Choice:
                return kind == JsonValueKind.String && Values.Contains(value.GetValue<string>(), StringComparer.Ordinal)
                    ? null
                    : $"{Name} must be one of {string.Join(", ", Values)}.";
            default:
                return kind == JsonValueKind.String && RecordIds.IsWellFormed(value.GetValue<string>())
                    ? null
                    : $"{Name} must be the id (a lower-case UUID) of one of the {Target}.";
        }
    }
}
