namespace Tolk.Hub.Store;

/// <summary>What to do with a batch that holds bad records.</summary>
public enum AppendMode
{
    /// <summary>Append the valid records; reject the bad ones and record each in the error table (stage <c>collect</c>).</summary>
    SkipInvalid,

    /// <summary>Write nothing of the batch when any record is bad; return the errors.</summary>
    AllOrNothing,
}

/// <summary>A record the store refused, naming the dataset, the record and the field at fault.</summary>
public sealed record RecordError(Dataset Dataset, string RecordId, string? Field, string Message);

/// <summary>The outcome of appending one batch.</summary>
/// <param name="Appended">Versions written (records whose hash differed from their latest version).</param>
/// <param name="Unchanged">Records skipped because their latest version has the same hash.</param>
/// <param name="Errors">Records rejected; with <see cref="AppendMode.AllOrNothing"/> any error means nothing was written.</param>
/// <param name="LastSeq">Sequence number of the last version written, or 0 when none was.</param>
public sealed record AppendResult(int Appended, int Unchanged, IReadOnlyList<RecordError> Errors, long LastSeq)
{
    /// <summary>Whether every record of the batch was accepted.</summary>
    public bool IsComplete => Errors.Count == 0;
}
