namespace Tolk.Cli;

/// <summary>The exit codes of every <c>tolk</c> command, as documented in <c>tolk --help</c> and the README.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The command ran but something failed (a system unreachable, records in error).</summary>
    public const int Failed = 1;

    /// <summary>The command line or the configuration is wrong; nothing was done.</summary>
    public const int Usage = 2;

    /// <summary>The hub store could not be opened (written by a newer Tolk, unreadable, locked).</summary>
    public const int Store = 3;
}
