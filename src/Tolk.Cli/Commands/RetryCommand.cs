using System.CommandLine;
using Tolk.Cli.Hosting;
using Tolk.Cli.Output;
using Tolk.Engine.Processing;

namespace Tolk.Cli.Commands;

/// <summary><c>tolk retry</c>: process a quarantined record again (or confirm a held mass deletion).</summary>
internal static class RetryCommand
{
    public static Command Create()
    {
        var config = CliSettings.ConfigOption();
        var id = new Argument<long?>("error-id") { Description = "The error's id, as 'tolk errors' lists it", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Retry every open error" };
        var command = new Command("retry", "Process a quarantined record again (every one with --all); confirms a held mass deletion") { id, all, config };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(id) is null) == !result.GetValue(all))
            {
                result.AddError("give one error id, or --all");
            }
        });
        EngineCommand.SetAction(command, config, async (parse, session, cancellationToken) =>
        {
            var open = await session.Store.GetErrorsAsync(false, 1_000_000, cancellationToken);
            var chosen = parse.GetValue(all) ? open : open.Where(e => e.Id == parse.GetValue(id)).ToList();
            if (chosen.Count == 0)
            {
                if (parse.GetValue(all))
                {
                    Report(parse, 0, "No open errors to retry.");
                    return ExitCodes.Ok;
                }

                Out.Error($"there is no open error with id {parse.GetValue(id)} ('tolk errors' lists them)");
                return ExitCodes.Failed;
            }

            if (session.Connectors.Count == 0 && chosen.FirstOrDefault(e => e.Stage == HeldDeletes.Stage) is { } held)
            {
                Out.Error($"error {held.Id} holds a mass deletion in {held.Dataset}: confirming it deletes records in the systems, so run it with the settings that configure them (--config tolk.yaml)");
                return ExitCodes.Failed;
            }

            foreach (var error in chosen)
            {
                await session.Engine.RetryAsync(error.Id, cancellationToken);
            }

            var what = chosen.Count == 1 ? $"Retried error {chosen[0].Id} ({chosen[0].Dataset}/{chosen[0].RecordId}, {chosen[0].Stage})" : $"Retried {chosen.Count} errors";
            Report(parse, chosen.Count, $"{what}: processed again; {EngineCommand.NextSync}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Report(ParseResult parse, int retried, string message)
    {
        if (parse.GetValue(TolkCommand.Json))
        {
            Out.Json(new { Retried = retried, Message = message });
        }
        else
        {
            Console.WriteLine(message);
        }
    }
}
