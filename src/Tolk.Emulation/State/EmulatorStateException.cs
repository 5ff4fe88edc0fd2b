namespace Tolk.Emulation.State;

/// <summary>
/// Saved emulator state that cannot be used: not JSON, not a snapshot, written by an incompatible version, or holding
/// values that do not fit. The message names the file (when there is one) and what is wrong with it.
/// </summary>
public sealed class EmulatorStateException : Exception
{
    /// <summary>Creates the error.</summary>
    public EmulatorStateException()
    {
    }

    /// <summary>Creates the error with its message.</summary>
    public EmulatorStateException(string message) : base(message)
    {
    }

    /// <summary>Creates the error with its message and cause.</summary>
    public EmulatorStateException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
