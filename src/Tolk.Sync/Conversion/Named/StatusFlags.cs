namespace Tolk.Sync.Conversion.Named;

/// <summary>The project statuses the status converters rely on (model.yaml's project.status).</summary>
internal static class StatusFlags
{
    public const string Planned = "planned";
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";

    public static readonly string[] All = [Planned, Active, Completed, Cancelled];

    /// <summary>Whether a status means the work is over (completed or cancelled).</summary>
    public static bool? IsClosed(string status) => status switch
    {
        Completed or Cancelled => true,
        Planned or Active => false,
        _ => null,
    };

    /// <summary>
    /// The status for a closed flag: the current status when the flag agrees with it (so a round trip through the
    /// boolean loses nothing), else completed or active.
    /// </summary>
    public static EnumValue FromClosed(bool closed, CanonicalValue? current) =>
        current is EnumValue { Value: var status } && IsClosed(status) == closed
            ? new EnumValue(status)
            : new EnumValue(closed ? Completed : Active);
}
