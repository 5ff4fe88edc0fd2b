using System.CommandLine;
using Tolk.Cli.Commands;

namespace Tolk.Cli;

/// <summary>The <c>tolk</c> root command and its subcommands.</summary>
internal static class TolkCommand
{
    /// <summary>The path of the hub store, for every command that opens it.</summary>
    public static readonly Option<FileInfo> Store = new("--store")
    {
        Description = "The hub store's SQLite file (default: the settings file's, else ./tolk-data/tolk.db)",
        DefaultValueFactory = _ => new FileInfo(Path.Combine("tolk-data", "tolk.db")),
        Recursive = true,
    };

    /// <summary>Machine-readable output, for scripts.</summary>
    public static readonly Option<bool> Json = new("--json") { Description = "Print JSON instead of tables", Recursive = true };

    public static RootCommand Create()
    {
        var root = new RootCommand("""
            Tolk keeps records in sync, both ways, between Asana, Trello, Tidsbanken, Customerp, Custompms and Crmoffice.

            Exit codes: 0 done; 1 something failed (a system unreachable or refusing its credentials, not fully
            synchronized, no such record or error); 2 bad command line, settings or configuration; 3 the hub store could
            not be opened (missing, written by a newer Tolk, unreadable, or in use by another tolk).
            """)
        {
            Store,
            Json,
        };
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(RunCommand.CreateRun());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(RunCommand.CreateSync());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(LinksCommand.Create());
        root.Subcommands.Add(HistoryCommand.Create());
        root.Subcommands.Add(ConflictsCommand.Create());
        root.Subcommands.Add(ErrorsCommand.Create());
        root.Subcommands.Add(RetryCommand.Create());
        root.Subcommands.Add(LinkCommand.CreateLink());
        root.Subcommands.Add(LinkCommand.CreateUnlink());
        root.Subcommands.Add(DocsCommand.Create());
        return root;
    }
}
