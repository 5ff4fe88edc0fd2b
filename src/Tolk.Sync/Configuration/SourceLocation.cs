namespace Tolk.Sync.Configuration;

/// <summary>A place in a configuration file (1-based line and column).</summary>
/// <param name="File">The file's path as the loader was given it.</param>
/// <param name="Line">The line, from 1.</param>
/// <param name="Column">The column, from 1.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>A configuration error: where it is, what it concerns (a property, a flow, a key) and what is wrong.</summary>
/// <param name="Location">The file, line and column.</param>
/// <param name="Subject">What the error concerns, e.g. <c>asana.project → status</c> or <c>flow 12</c>.</param>
/// <param name="Message">What is wrong, and what would be right.</param>
public sealed record ConfigError(SourceLocation Location, string Subject, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Subject}: {Message}";
}

/// <summary>Thrown by <see cref="ConfigurationLoader.LoadValid"/> when the configuration has errors.</summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception for the errors found.</summary>
    public ConfigurationException(IReadOnlyList<ConfigError> errors)
        : base($"The configuration has {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}") => Errors = errors;

    /// <summary>Creates the exception with a message only.</summary>
    public ConfigurationException(string message)
        : base(message) => Errors = [];

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ConfigurationException(string message, Exception inner)
        : base(message, inner) => Errors = [];

    /// <summary>Creates the exception without details.</summary>
    public ConfigurationException()
        : this("The configuration is invalid.")
    {
    }

    /// <summary>Every error found.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }
}
