namespace Tolk.Tidsbanken.Emulator.Internal.OData;

/// <summary>The OData primitive types Tidsbanken's entities and filter literals use.</summary>
internal enum EdmKind
{
    Null,
    String,
    Int32,
    Decimal,
    Boolean,
    Date,
    DateTimeOffset,
}

internal static class EdmKindExtensions
{
    /// <summary>The name OData error messages use for the type, e.g. <c>Edm.String</c>.</summary>
    public static string EdmName(this EdmKind kind) => kind switch
    {
        EdmKind.Null => "<null>",
        _ => "Edm." + kind,
    };

    public static bool IsNumeric(this EdmKind kind) => kind is EdmKind.Int32 or EdmKind.Decimal;
}
