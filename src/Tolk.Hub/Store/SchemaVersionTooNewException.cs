namespace Tolk.Hub.Store;

/// <summary>The store was written by a newer Tolk whose schema this build does not know; opening it could corrupt it.</summary>
public sealed class SchemaVersionTooNewException : Exception
{
    /// <summary>Creates the exception for a store at <paramref name="storeVersion"/> opened by a build that knows up to <paramref name="supportedVersion"/>.</summary>
    public SchemaVersionTooNewException(int storeVersion, int supportedVersion)
        : base($"The hub store has schema version {storeVersion}, but this build of Tolk supports schema versions up to " +
               $"{supportedVersion}. Upgrade Tolk to open it; it was not changed.")
    {
        StoreVersion = storeVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>Creates the exception with a message.</summary>
    public SchemaVersionTooNewException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SchemaVersionTooNewException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public SchemaVersionTooNewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The schema version recorded in the store.</summary>
    public int StoreVersion { get; }

    /// <summary>The newest schema version this build knows.</summary>
    public int SupportedVersion { get; }
}
