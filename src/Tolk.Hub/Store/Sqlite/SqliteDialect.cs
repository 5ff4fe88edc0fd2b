using System.Data.Common;
using System.Globalization;

namespace Tolk.Hub.Store;

/// <summary>SQLite has no time type: times are fixed-width UTC ISO-8601 text, so text order is time order.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    // What "O" writes for a UTC DateTime; "O" is the runtime's fast path, several times quicker than a custom format.
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static SqliteDialect Instance { get; } = new();

    public override string Engine => "Sqlite";

    public override object Time(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
