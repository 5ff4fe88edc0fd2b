namespace Tolk.Sync.Conversion;

/// <summary>A value that could not be converted: an error on that record, never a silent default.</summary>
/// <param name="Property">The property (or field) being converted.</param>
/// <param name="Value">The offending value as it was given, or null when there was none.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record ConversionError(string Property, string? Value, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Value is null ? $"{Property}: {Message}" : $"{Property}: {Message} (value: {Value})";
}

/// <summary>The outcome of a conversion: a value, or an error naming the property and the value.</summary>
public readonly record struct Converted<T>
{
    private readonly T value;

    internal Converted(T value, ConversionError? error)
    {
        this.value = value;
        Error = error;
    }

    /// <summary>Why the conversion failed, or null when it succeeded.</summary>
    public ConversionError? Error { get; }

    /// <summary>Whether the conversion succeeded.</summary>
    public bool IsOk => Error is null;

    /// <summary>The converted value; only meaningful when <see cref="IsOk"/>.</summary>
    public T Value => Error is null ? value : throw new InvalidOperationException($"No value: {Error}");
}

/// <summary>Factories for <see cref="Converted{T}"/>.</summary>
public static class Converted
{
    /// <summary>A successful conversion.</summary>
    public static Converted<T> Ok<T>(T value) => new(value, null);

    /// <summary>A failed conversion.</summary>
    public static Converted<T> Fail<T>(ConversionError error) => new(default!, error);

    /// <summary>A failed conversion, from its parts.</summary>
    public static Converted<T> Fail<T>(string property, string? value, string message) => new(default!, new(property, value, message));
}
