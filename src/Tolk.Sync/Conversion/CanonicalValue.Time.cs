using System.Globalization;

namespace Tolk.Sync.Conversion;

/// <summary>A calendar date, written "yyyy-MM-dd".</summary>
public sealed record DateValue(DateOnly Value) : CanonicalValue
{
    /// <summary>The canonical date format.</summary>
    public const string Format = "yyyy-MM-dd";

    /// <inheritdoc />
    public override DataKind Kind => DataKind.Date;

    /// <inheritdoc />
    public override string Text => Value.ToString(Format, CultureInfo.InvariantCulture);
}

/// <summary>An instant, held in UTC whatever offset it was read with.</summary>
public sealed record DateTimeValue : CanonicalValue
{
    /// <summary>The canonical date-time format (the round-trip "O" form of a UTC time).</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>Creates the value, normalising the offset to UTC.</summary>
    public DateTimeValue(DateTimeOffset value) => Value = value.ToUniversalTime();

    /// <summary>The instant, with a zero offset.</summary>
    public DateTimeOffset Value { get; }

    /// <inheritdoc />
    public override DataKind Kind => DataKind.DateTime;

    /// <inheritdoc />
    public override string Text => Value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}

/// <summary>A value of a global enum (the shared model's name for it, not a system's).</summary>
public sealed record EnumValue(string Value) : CanonicalValue
{
    /// <inheritdoc />
    public override DataKind Kind => DataKind.Enum;

    /// <inheritdoc />
    public override string Text => Value;
}

/// <summary>
/// A reference to a record of global type <see cref="Type"/>. <see cref="Key"/> is the referenced record's id in the
/// system the value was read from, or, when <see cref="By"/> names a property (e.g. "email"), that property's value:
/// translating it through links is the engine's job.
/// </summary>
public sealed record ReferenceValue(string Type, string Key, string? By = null) : CanonicalValue
{
    /// <inheritdoc />
    public override DataKind Kind => DataKind.Reference;

    /// <inheritdoc />
    public override string Text => By is null ? $"{Type}:{Key}" : $"{Type}[{By}]:{Key}";
}
