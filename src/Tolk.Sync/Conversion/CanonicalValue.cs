using System.Globalization;

namespace Tolk.Sync.Conversion;

/// <summary>
/// A shared-model value in canonical form: what the hub stores, compares and merges. Every value has exactly one
/// canonical form, so two values are equal exactly when they mean the same thing (which is what makes echoes free).
/// No value is represented by a C# <c>null</c>; an empty string is no value too, because systems disagree on which of
/// the two they return for an unset field.
/// </summary>
/// <remarks>
/// JSON forms (see <see cref="CanonicalJson"/>): string → JSON string; integer → JSON number; decimal → JSON number
/// without trailing zeros; boolean → JSON boolean; date → "yyyy-MM-dd"; date-time → UTC "yyyy-MM-ddTHH:mm:ss.fffffffZ";
/// enum → the global enum value as a string; reference → <c>{"ref": type, "key": key}</c> plus <c>"by"</c> when the key
/// is not a record id.
/// </remarks>
public abstract record CanonicalValue
{
    private protected CanonicalValue()
    {
    }

    /// <summary>The kind of the value.</summary>
    public abstract DataKind Kind { get; }

    /// <summary>The canonical text of the value (the JSON form's text, without quotes).</summary>
    public abstract string Text { get; }

    /// <inheritdoc />
    public sealed override string ToString() => Text;

    /// <summary>A string value, or null for null or "".</summary>
    public static TextValue? OfText(string? text) => string.IsNullOrEmpty(text) ? null : new TextValue(text);
}

/// <summary>A non-empty string.</summary>
public sealed record TextValue : CanonicalValue
{
    internal TextValue(string value) => Value = value;

    /// <summary>The string, never empty.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override DataKind Kind => DataKind.String;

    /// <inheritdoc />
    public override string Text => Value;
}

/// <summary>A whole number.</summary>
public sealed record IntegerValue(long Value) : CanonicalValue
{
    /// <inheritdoc />
    public override DataKind Kind => DataKind.Integer;

    /// <inheritdoc />
    public override string Text => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A decimal number, held without trailing zeros so that 1.50 and 1.5 are one value.</summary>
public sealed record DecimalValue : CanonicalValue
{
    /// <summary>Creates the value, dropping trailing zeros of the scale.</summary>
    public DecimalValue(decimal value) => Value = Normalize(value);

    /// <summary>The number, with the smallest scale that represents it.</summary>
    public decimal Value { get; }

    /// <inheritdoc />
    public override DataKind Kind => DataKind.Decimal;

    /// <inheritdoc />
    public override string Text => Value.ToString(CultureInfo.InvariantCulture);

    // Dividing by 1 with a long scale strips trailing zeros without rounding; "+ 0m" turns -0 into 0.
    private static decimal Normalize(decimal value) => (value / 1.000000000000000000000000000000000m) + 0m;
}

/// <summary>True or false.</summary>
public sealed record BooleanValue(bool Value) : CanonicalValue
{
    /// <inheritdoc />
    public override DataKind Kind => DataKind.Boolean;

    /// <inheritdoc />
    public override string Text => Value ? "true" : "false";
}
