namespace Tolk.Asana.Emulator.Internal;

/// <summary>One field read from a write body: whether it was sent, its value, or the error to answer.</summary>
internal readonly record struct Field<T>(bool Present, T? Value, ApiResult? Error)
{
    public static Field<T> Absent => default;

    public static Field<T> Of(T? value) => new(true, value, null);

    public static Field<T> Fail(string message) => new(true, default, AsanaErrors.Bad(message));
}
