using System.CommandLine;
using Tolk.Cli.Commands;

namespace Tolk.Cli;

/// <summary>The <c>tolk</c> root command and its subcommands.</summary>
internal static class TolkCommand
{
    /// <summary>The path of the hub store, for every command that opens it.</summary>
    public static readonly Option<FileInfo> Store = new("--store")
    {
        Description = "The hub store's SQLite file",
        DefaultValueFactory = _ => new FileInfo(Path.Combine("tolk-data", "tolk.db")),
        Recursive = true,
    };

    /// <summary>Machine-readable output, for scripts.</summary>
    public static readonly Option<bool> Json = new("--json") { Description = "Print JSON instead of tables", Recursive = true };

    public static RootCommand Create()
    {
        var root = new RootCommand("""
            Tolk keeps records in sync, both ways, between Asana, Trello, Tidsbanken, Customerp, Custompms and Crmoffice.

            Exit codes: 0 done; 1 something failed; 2 bad command line or configuration; 3 the hub store could not be opened.
            """)
        {
            Store,
            Json,
        };
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(DocsCommand.Create());
        return root;
    }
}
