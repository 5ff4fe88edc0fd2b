namespace Tolk.Sync.Configuration.Internal;

/// <summary>Collects configuration errors so that one load reports all of them, not just the first.</summary>
internal sealed class ErrorSink
{
    private readonly List<ConfigError> errors = [];

    public IReadOnlyList<ConfigError> Errors => errors;

    public int Count => errors.Count;

    public void Add(SourceLocation location, string subject, string message) => errors.Add(new ConfigError(location, subject, message));
}
