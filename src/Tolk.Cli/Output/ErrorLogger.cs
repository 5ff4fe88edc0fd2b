using Microsoft.Extensions.Logging;

namespace Tolk.Cli.Output;

/// <summary>
/// Shows what the engine and the runner log as errors (a cycle that failed and will be tried again) as one line on
/// standard error, so that a failure is never silent; what they log below that is shown by the displays already.
/// </summary>
internal sealed class ErrorLogger : ILogger
{
    /// <summary>The one instance.</summary>
    public static ErrorLogger Instance { get; } = new();

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            var cause = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})";
            Out.Error($"{formatter(state, exception)}{cause}");
        }
    }
}
