using System.Data.Common;

namespace Tolk.Hub.Store;

/// <summary>What differs between engines beyond the SQL files: the resource folder and how times are stored.</summary>
internal abstract class SqlDialect
{
    /// <summary>The folder under <c>Store/Sql/</c> holding this engine's migrations and overrides.</summary>
    public abstract string Engine { get; }

    /// <summary>A time as a parameter value.</summary>
    public abstract object Time(DateTimeOffset value);

    /// <summary>A time read back from a column.</summary>
    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    public object NullableTime(DateTimeOffset? value) => value is { } time ? Time(time) : DBNull.Value;

    public DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);
}
