using System.CommandLine;
using Spectre.Console;
using Tolk.Cli.Hosting;
using Tolk.Cli.Output;
using Tolk.Cli.Syncing;
using Tolk.Hub.Store;

namespace Tolk.Cli.Commands;

/// <summary><c>tolk status</c>: what the hub store holds, per dataset, and how each flow stands.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var config = CliSettings.ConfigOption();
        var command = new Command("status", "Show the hub store and each flow: links, records pending a link, last run, lag and errors") { config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (CliSettings.Resolve(parse, config) is not { } settings)
            {
                return ExitCodes.Usage;
            }

            await using var store = await StoreOpener.OpenExistingAsync(settings.StorePath, cancellationToken);
            if (store is null)
            {
                return ExitCodes.Store;
            }

            var status = await StoreStatus.ReadAsync(store, cancellationToken);
            var configuration = ConfigurationFolder.Load(settings.ConfigDirectory, "the flows are not shown");
            var now = DateTimeOffset.UtcNow;
            var flows = configuration is null ? [] : await FlowStatus.ReadAsync(store, configuration, now, cancellationToken);
            var lastCycle = (await RunLog.LoadAsync(store, cancellationToken)).LastCycle;
            if (parse.GetValue(TolkCommand.Json))
            {
                Out.Json(new
                {
                    status.Path, status.SchemaVersion, status.LastSeq, status.Datasets, status.OpenErrors, status.PendingIntents, status.Conflicts,
                    LastCycle = lastCycle, Flows = flows,
                });
            }
            else
            {
                StoreStatus.Render(status);
                if (flows.Count > 0)
                {
                    RenderFlows(flows, now);
                }

                AnsiConsole.MarkupLineInterpolated($"Last sync cycle: {Ago.Since(lastCycle, now)}");
            }

            return configuration is null ? ExitCodes.Usage : ExitCodes.Ok;
        });
        return command;
    }

    private static void RenderFlows(IReadOnlyList<FlowStatus> flows, DateTimeOffset now)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Flows")
            .AddColumn("#", c => c.RightAligned()).AddColumn("Flow")
            .AddColumn("Links", c => c.RightAligned()).AddColumn("Pending", c => c.RightAligned())
            .AddColumn("Last run").AddColumn("Lag").AddColumn("Errors", c => c.RightAligned());
        foreach (var flow in flows)
        {
            var name = $"{flow.Source} → {flow.Target}{(flow.Paused ? " (paused)" : "")}";
            var lag = flow.Unprocessed == 0 ? "none" : $"{Ago.Span(TimeSpan.FromSeconds(flow.LagSeconds))} ({flow.Unprocessed:N0} changes)";
            table.AddRow(
                new Text($"{flow.Number}"), new Text(name), new Text($"{flow.Links:N0}"),
                flow.Pending > 0 ? new Markup($"[yellow]{flow.Pending:N0}[/]") : new Text("0"),
                new Text(Ago.Since(flow.LastRun, now)), new Text(lag),
                flow.Errors > 0 ? new Markup($"[red]{flow.Errors:N0}[/]") : new Text("0"));
        }

        AnsiConsole.Write(table);
    }
}
